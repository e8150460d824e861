package dev.drydock.validator.report;

import dev.drydock.validator.rules.Finding;
import dev.drydock.validator.rules.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a validator run: how much was read, what was found, what could not be checked on this machine
 * ({@code notes}, e.g. PostgreSQL's parser missing), and what {@code --verbose} adds ({@code details}: how many
 * data statements were validated and why the others were not).
 */
public record Report(int files, int statements, List<Finding> findings, List<String> notes, List<String> details) {

    public Report {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
        details = List.copyOf(details);
    }

    public Report(int files, int statements, List<Finding> findings) {
        this(files, statements, findings, List.of(), List.of());
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public Report plus(Report other) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(other.findings);
        List<String> allNotes = new ArrayList<>(notes);
        other.notes.stream().filter(note -> !allNotes.contains(note)).forEach(allNotes::add);
        List<String> allDetails = new ArrayList<>(details);
        allDetails.addAll(other.details);
        return new Report(files + other.files, statements + other.statements, all, allNotes, allDetails);
    }

    /** The exit code of DESIGN.md: 1 with any error (or, when strict, any warning), else 0. */
    public int exitCode(boolean strict) {
        if (count(Severity.ERROR) > 0 || strict && count(Severity.WARNING) > 0) {
            return 1;
        }
        return 0;
    }
}
