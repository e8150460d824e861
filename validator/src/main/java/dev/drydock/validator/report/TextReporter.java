package dev.drydock.validator.report;

import dev.drydock.validator.rules.Finding;
import dev.drydock.validator.rules.Severity;

import java.io.IOException;
import java.io.Writer;

/** {@code file:line:column: severity[rule] message}, as compilers print it, then a summary line. */
public record TextReporter(boolean colour) implements Reporter {

    private static final String RESET = "\u001B[0m";

    @Override
    public void write(Report report, Writer out) throws IOException {
        for (Finding finding : report.findings()) {
            out.write(ControlCharacters.visible(finding.file()) + ":" + finding.start().line() + ":" + finding.start().column() + ": ");
            out.write(paint(finding.severity(), finding.severity().id()));
            out.write("[" + finding.rule() + "] ");
            if (finding.dialect() != null) {
                out.write("(" + finding.dialect() + ") ");
            }
            out.write(ControlCharacters.visible(finding.message()));
            out.write(System.lineSeparator());
        }
        String summary = String.format("%d file%s, %d statement%s: %d error%s, %d warning%s, %d info",
                report.files(), plural(report.files()), report.statements(), plural(report.statements()),
                report.count(Severity.ERROR), plural(report.count(Severity.ERROR)),
                report.count(Severity.WARNING), plural(report.count(Severity.WARNING)), report.count(Severity.INFO));
        out.write(summary + System.lineSeparator());
        out.flush();
    }

    private String paint(Severity severity, String text) {
        if (!colour) {
            return text;
        }
        String code = switch (severity) {
            case ERROR -> "\u001B[1;31m";
            case WARNING -> "\u001B[1;33m";
            case INFO -> "\u001B[1;36m";
        };
        return code + text + RESET;
    }

    private static String plural(long count) {
        return count == 1 ? "" : "s";
    }
}
