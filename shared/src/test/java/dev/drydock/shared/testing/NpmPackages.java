package dev.drydock.shared.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real runners the tests check Drydock against, from npm into {@code bench/.work/} ({@code .ci/run} installs
 * the same ones there first; a test run without them installs them itself).
 */
public final class NpmPackages {

    public static final String DBMATE_VERSION = "2.36.0";
    /** drizzle-kit runs drizzle-orm's migrator, which reaches PostgreSQL through node-postgres. */
    public static final List<String> DRIZZLE = List.of("drizzle-kit@0.31.11", "drizzle-orm@0.45.4", "pg@8.23.1");

    private NpmPackages() {
    }

    /** The folder npm packages are installed under. */
    public static Path work() {
        return Path.of("..", "bench", ".work").toAbsolutePath().normalize();
    }

    /** dbmate's binary (npm's {@code dbmate} package brings it for this platform). */
    public static synchronized Path dbmate() throws IOException, InterruptedException {
        Path prefix = work().resolve("dbmate");
        Path binary = prefix.resolve("node_modules/.bin/dbmate");
        if (!Files.isExecutable(binary)) {
            install(prefix, "dbmate@" + DBMATE_VERSION);
        }
        return binary;
    }

    /** The folder holding drizzle-kit and what its {@code migrate} needs ({@code node_modules/.bin/drizzle-kit}). */
    public static synchronized Path drizzle() throws IOException, InterruptedException {
        Path prefix = work().resolve("drizzle");
        if (!Files.isExecutable(prefix.resolve("node_modules/.bin/drizzle-kit"))
                || !Files.isDirectory(prefix.resolve("node_modules/pg"))) {
            install(prefix, DRIZZLE.toArray(String[]::new));
        }
        return prefix;
    }

    /** {@code npm install spec} into {@code prefix}, quietly; a failure names npm's log. */
    static void install(Path prefix, String... specs) throws IOException, InterruptedException {
        Files.createDirectories(prefix);
        List<String> command = new ArrayList<>(List.of("npm", "install", "--silent", "--no-audit", "--no-fund",
                "--prefix", prefix.toString()));
        command.addAll(List.of(specs));
        Process npm = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(prefix.resolve("npm.log").toFile()).start();
        if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm install " + String.join(" ", specs) + " failed; see "
                    + prefix.resolve("npm.log"));
        }
    }
}
