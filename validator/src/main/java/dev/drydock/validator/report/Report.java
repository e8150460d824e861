package dev.drydock.validator.report;

import dev.drydock.validator.rules.Finding;
import dev.drydock.validator.rules.Severity;

import java.util.ArrayList;
import java.util.List;

/** The outcome of a validator run: how much was read and what was found. */
public record Report(int files, int statements, List<Finding> findings) {

    public Report {
        findings = List.copyOf(findings);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public Report plus(Report other) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(other.findings);
        return new Report(files + other.files, statements + other.statements, all);
    }

    /** The exit code of DESIGN.md: 1 with any error (or, when strict, any warning), else 0. */
    public int exitCode(boolean strict) {
        if (count(Severity.ERROR) > 0 || strict && count(Severity.WARNING) > 0) {
            return 1;
        }
        return 0;
    }
}
