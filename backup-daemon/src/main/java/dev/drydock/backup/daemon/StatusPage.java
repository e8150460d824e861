package dev.drydock.backup.daemon;

import dev.drydock.backup.catalog.Catalog;
import dev.drydock.backup.archive.Manifest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The status page: jobs and their next run, health, recent backups with size, duration and verification,
 * and a chart of sizes and durations over time, drawn as inline SVG so the page needs nothing from outside.
 */
final class StatusPage {

    private static final int RECENT = 30;

    private StatusPage() {
    }

    static String render(List<BackupDaemon.JobStatus> jobs, List<Catalog.Entry> entries, Health health) {
        List<Catalog.Entry> recent = entries.subList(Math.max(0, entries.size() - RECENT), entries.size());
        StringBuilder html = new StringBuilder("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Drydock backups</title>
                <style>
                body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #1c2430; }
                table { border-collapse: collapse; margin-bottom: 2em; }
                th, td { padding: 4px 12px; border-bottom: 1px solid #dde3ea; text-align: left; }
                .ok { color: #1a7f37; } .bad { color: #cf222e; font-weight: bold; } .none { color: #8a94a3; }
                </style></head><body>
                <h1>Drydock backups</h1>
                """);
        html.append("<p class=\"").append(health.ok() ? "ok" : "bad").append("\" id=\"health\">health: ")
                .append(health.ok() ? "ok" : "failing").append("</p>\n<ul>");
        for (Health.Check check : health.checks()) {
            html.append("<li class=\"").append(check.ok() ? "ok" : "bad").append("\">").append(escape(check.name()))
                    .append(": ").append(escape(check.detail())).append("</li>");
        }
        html.append("</ul>\n<h2>Jobs</h2>\n<table id=\"jobs\"><tr><th>environment</th><th>schedule</th><th>verify</th>"
                + "<th>next run (UTC)</th></tr>\n");
        for (BackupDaemon.JobStatus job : jobs) {
            html.append("<tr><td>").append(escape(job.environment())).append("</td><td><code>").append(escape(job.schedule()))
                    .append("</code></td><td>").append(escape(job.verify())).append("</td><td>")
                    .append(job.nextRun().map(Instant::toString).orElse("-")).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Size and duration</h2>\n").append(chart(recent));
        html.append("<h2>Recent backups</h2>\n<table id=\"backups\"><tr><th>id</th><th>size</th><th>duration</th>"
                + "<th>verification</th><th>migrations</th></tr>\n");
        for (int i = recent.size() - 1; i >= 0; i--) {
            Catalog.Entry entry = recent.get(i);
            String status = entry.status();
            String css = status.equals("verified") ? "ok" : status.equals("unverified") ? "none" : "bad";
            html.append("<tr><td>").append(escape(entry.id().value())).append("</td><td>").append(size(entry.bytes()))
                    .append("</td><td>").append(duration(seconds(entry))).append("</td><td class=\"")
                    .append(css).append("\">").append(status).append("</td><td>")
                    .append(entry.manifest().map(StatusPage::migrations).orElse("-")).append("</td></tr>\n");
        }
        return html.append("</table>\n</body></html>\n").toString();
    }

    /** Bars of archive size (blue) and a line of duration (orange), oldest on the left. */
    private static String chart(List<Catalog.Entry> entries) {
        if (entries.isEmpty()) {
            return "<p class=\"none\">no backups yet</p>\n";
        }
        int width = 640;
        int height = 160;
        double slot = (double) width / entries.size();
        long maxBytes = entries.stream().mapToLong(Catalog.Entry::bytes).max().orElse(1);
        double maxSeconds = Math.max(0.001, entries.stream().mapToDouble(StatusPage::seconds).max().orElse(1));
        StringBuilder svg = new StringBuilder("<svg id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width
                + "\" height=\"" + (height + 20) + "\" role=\"img\" aria-label=\"backup size and duration over time\">\n");
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            Catalog.Entry entry = entries.get(i);
            double bar = Math.max(1, height * (double) entry.bytes() / Math.max(1, maxBytes));
            svg.append(String.format("<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4f83cc\">"
                    + "<title>%s: %s</title></rect>%n", i * slot + 1, height - bar, Math.max(1, slot - 2), bar,
                    escape(entry.id().value()), size(entry.bytes())));
            line.append(String.format("%.1f,%.1f ", i * slot + slot / 2, height - height * seconds(entry) / maxSeconds));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#e07b00\" stroke-width=\"2\" points=\"").append(line.toString().strip())
                .append("\"/>\n<text x=\"0\" y=\"").append(height + 15).append("\" font-size=\"11\">bars: size (max ")
                .append(size(maxBytes)).append("), line: duration (max ").append(duration(maxSeconds))
                .append(")</text>\n</svg>\n");
        return svg.toString();
    }

    private static double seconds(Catalog.Entry entry) {
        return entry.manifest().map(m -> Duration.between(Instant.parse(m.startedAt()), Instant.parse(m.finishedAt()))
                .toMillis() / 1000.0).orElse(0.0);
    }

    private static String duration(double seconds) {
        return seconds < 1 ? Math.round(seconds * 1000) + " ms" : String.format("%.1f s", seconds);
    }

    private static String migrations(Manifest manifest) {
        List<Manifest.AppliedMigration> applied = manifest.migrationState().applied();
        return manifest.migrationState().table() == null ? "no history table"
                : applied.size() + " applied" + (applied.isEmpty() ? "" : ", latest " + escape(applied.get(applied.size() - 1).version()));
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KiB", bytes / 1024.0);
        }
        return String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
