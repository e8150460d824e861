package dev.drydock.shared.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real runners the tests check Drydock against, from npm into {@code bench/.work/} ({@code .ci/run} installs
 * the same ones there first; a test run without them installs them itself).
 */
public final class NpmPackages {

    public static final String DBMATE_VERSION = "2.36.0";

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

    /** {@code npm install spec} into {@code prefix}, quietly; a failure names npm's log. */
    static void install(Path prefix, String spec) throws IOException, InterruptedException {
        Files.createDirectories(prefix);
        Process npm = new ProcessBuilder(List.of("npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix",
                prefix.toString(), spec)).redirectErrorStream(true).redirectOutput(prefix.resolve("npm.log").toFile())
                .start();
        if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm install " + spec + " failed; see " + prefix.resolve("npm.log"));
        }
    }
}
