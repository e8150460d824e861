package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Script;
import dev.drydock.shared.sql.SourcePosition;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of the checks, each at its rule's default severity. */
final class FindingSink {

    private final List<Finding> findings = new ArrayList<>();

    void add(Rule rule, String file, SourcePosition start, SourcePosition end, String dialect, String message) {
        add(rule, rule.defaultSeverity(), file, start, end, dialect, message);
    }

    /** A finding at a severity other than the rule's default: a safety rule on a table in largeTables. */
    void add(Rule rule, Severity severity, String file, SourcePosition start, SourcePosition end, String dialect,
             String message) {
        findings.add(new Finding(rule.id(), severity, file, start, end, dialect, message));
    }

    /** A finding about a script as a whole: at its first line (a dbmate section's marker line). */
    void addAtScript(Rule rule, Script script, String message) {
        SourcePosition start = script.section().from() == 0 ? Finding.FILE_START
                : script.file().lines().position(script.section().from());
        add(rule, script.displayPath(), start, start, null, message);
    }

    List<Finding> findings() {
        return findings;
    }
}
