package dev.drydock.migrator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@code migrator up} in a process of its own, for tests that kill it or run a second migrator beside it. */
final class ChildMigrator {

    private ChildMigrator() {
    }

    /** Starts {@code up --env test} and returns once it has printed a line starting with {@code untilLine}. */
    static Process upUntil(Path config, String untilLine) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.drydock.migrator.cli.MigratorCommand", "--config", config.toString(), "up", "--env", "test")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(untilLine)) {
                return process;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the migrator ended before '" + untilLine + "':\n" + seen);
    }
}
