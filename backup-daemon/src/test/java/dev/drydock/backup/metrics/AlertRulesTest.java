package dev.drydock.backup.metrics;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped alert rules and the daemon's metrics, held by Prometheus' own tooling (promtool, from Debian's
 * prometheus package that .ci/run installs): the rules load, ops/prometheus/drydock-alerts.test.yml — a restart, a
 * stale backup, a failed backup and a failed verification — passes, and the exposition passes promtool's lint.
 */
class AlertRulesTest {

    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final Path RULES = Path.of(System.getProperty("drydock.root"), "ops", "prometheus");

    @Test
    void theRulesLoadAndTheirTestsPass() throws Exception {
        assumePromtool();
        String check = promtool(null, "check", "rules", "drydock-alerts.yml");
        assertTrue(check.contains("SUCCESS: 4 rules found"), check);
        String test = promtool(null, "test", "rules", "drydock-alerts.test.yml");
        assertTrue(test.contains("SUCCESS"), test);
    }

    @Test
    void theDaemonsMetricsPassPromtoolsLint() throws Exception {
        assumePromtool();
        BackupMetrics metrics = new BackupMetrics();
        metrics.register("production");
        metrics.backupSucceeded("production", Duration.ofSeconds(42), 123_456, Instant.now());
        promtool(metrics.prometheusText(), "check", "metrics");
    }

    private static void assumePromtool() {
        Assumptions.assumeTrue(Files.isExecutable(PROMTOOL),
                "promtool is not installed at " + PROMTOOL + " (.ci/run installs Debian's prometheus)");
    }

    /** Runs promtool in ops/prometheus with {@code input} on its standard input (none when null); exit 0 or fails. */
    private static String promtool(String input, String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = PROMTOOL.toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).directory(RULES.toFile()).redirectErrorStream(true).start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool finished");
        assertEquals(0, process.exitValue(), out);
        return out;
    }
}
