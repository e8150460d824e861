package dev.drydock.migrator.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;

/**
 * A run's metrics as a Prometheus textfile, where node_exporter's textfile collector picks up batch jobs: written
 * to a temporary file beside it and renamed, so the collector never reads half a file.
 */
public final class MetricsFile {

    private MetricsFile() {
    }

    public static void write(RunReport report, Path file) throws IOException {
        String environment = "environment=\"" + escape(report.environment()) + "\"";
        StringBuilder text = new StringBuilder();
        text.append("# HELP drydock_migration_duration_seconds How long each migration of the last run took.\n")
                .append("# TYPE drydock_migration_duration_seconds gauge\n");
        for (RunReport.Applied applied : report.applied()) {
            text.append("drydock_migration_duration_seconds{").append(environment).append(",version=\"")
                    .append(escape(String.valueOf(applied.version()))).append("\"} ")
                    .append(seconds(applied.millis())).append('\n');
        }
        metric(text, "drydock_migrator_run_duration_seconds", "How long the last run took.", environment,
                seconds(report.durationMillis()));
        metric(text, "drydock_migrator_migrations_applied", "Migrations the last run applied.", environment,
                String.valueOf(report.applied().size()));
        metric(text, "drydock_migrator_migration_failures", "Migrations that failed in the last run (0 or 1).",
                environment, report.success() ? "0" : "1");
        metric(text, "drydock_migrator_last_run_success", "1 when the last run applied everything it meant to.",
                environment, report.success() ? "1" : "0");
        metric(text, "drydock_migrator_last_run_timestamp_seconds", "When the last run started.", environment,
                String.valueOf(Instant.parse(report.startedAt()).getEpochSecond()));
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = absolute.resolveSibling("." + absolute.getFileName() + ".partial");
        Files.writeString(partial, text.toString(), StandardCharsets.UTF_8);
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void metric(StringBuilder text, String name, String help, String labels, String value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append('{').append(labels).append("} ").append(value).append('\n');
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
