package dev.drydock.shared.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.shared.config.WranglerSettings;
import dev.drydock.shared.d1.Wrangler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real wrangler for the D1 tests, offline with {@code --local}: wrangler from npm, run by Node 22 from npm's
 * {@code node} package (wrangler 4 needs Node 22.12 or later; the machine's own Node may be older). {@code .ci/run}
 * installs both into {@code bench/.work/}; a test run without them installs them there itself.
 */
public final class WranglerInstall {

    public static final String WRANGLER_VERSION = "4.164.0";
    public static final String NODE_VERSION = "22";

    private WranglerInstall() {
    }

    /** The command that starts wrangler ({@code wrangler.command} of drydock.yaml): Node 22 and wrangler's script. */
    public static synchronized String command() throws IOException, InterruptedException {
        Path work = NpmPackages.work();
        Path node = work.resolve("node22/node_modules/node/bin/node");
        Path script = work.resolve("wrangler/node_modules/wrangler/bin/wrangler.js");
        if (!Files.isExecutable(node)) {
            NpmPackages.install(work.resolve("node22"), "node@" + NODE_VERSION);
        }
        if (!Files.isRegularFile(script)) {
            NpmPackages.install(work.resolve("wrangler"), "wrangler@" + WRANGLER_VERSION);
        }
        return node + " " + script;
    }

    /** Runs wrangler as the team would in {@code project} and returns what it printed; a failure is an exception. */
    public static String run(Path project, String... arguments) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command().split(" ")));
        line.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(line).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().put("CI", "true");
        builder.environment().put("WRANGLER_SEND_METRICS", "false");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("wrangler " + String.join(" ", arguments) + " failed:\n" + out);
        }
        return out;
    }

    /** The first column of each row {@code sql} returns on the local D1 {@code database} of {@code project}. */
    public static List<String> firstColumn(Path project, String database, String sql) throws Exception {
        Wrangler wrangler = new Wrangler(new WranglerSettings(project.resolve("wrangler.toml"), null, true, null,
                command()), database);
        List<String> values = new ArrayList<>();
        for (JsonNode row : wrangler.query(sql)) {
            values.add(row.elements().next().asText());
        }
        return values;
    }
}
