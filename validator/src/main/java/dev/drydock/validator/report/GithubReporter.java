package dev.drydock.validator.report;

import dev.drydock.validator.rules.Finding;

import java.io.IOException;
import java.io.Writer;

/** GitHub Actions workflow commands, which annotate the pull request's diff at each finding. */
public record GithubReporter() implements Reporter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        for (Finding finding : report.findings()) {
            String command = switch (finding.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            out.write("::" + command + " file=" + property(finding.file()) + ",line=" + finding.start().line()
                    + ",col=" + finding.start().column() + ",endLine=" + finding.end().line()
                    + ",endColumn=" + finding.end().column() + ",title=" + property("drydock " + finding.rule())
                    + "::" + data(finding.message()) + "\n");
        }
        out.flush();
    }

    private static String data(String text) {
        return ControlCharacters.visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
    }

    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
