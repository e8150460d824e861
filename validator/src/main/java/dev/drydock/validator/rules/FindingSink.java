package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Script;
import dev.drydock.shared.sql.SourcePosition;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of the checks, each at its rule's default severity. */
final class FindingSink {

    private final List<Finding> findings = new ArrayList<>();
    /**
     * Where {@code unknown-object} was reported: the replay and Calcite both check a data statement's target table
     * and the columns it writes, and the one that reports second adds nothing.
     */
    private final java.util.Set<Place> reported = new java.util.HashSet<>();

    private record Place(String file, SourcePosition start, String dialect) {
    }
    private final java.util.Map<String, Integer> uncheckedData = new java.util.TreeMap<>();
    private int checkedData;

    /** A data statement Calcite validated. */
    void checkedData() {
        checkedData++;
    }

    /** A data statement Calcite could not validate, and why. */
    void uncheckedData(String reason) {
        uncheckedData.merge(reason, 1, Integer::sum);
    }

    RuleEngine.DataChecks dataChecks() {
        return new RuleEngine.DataChecks(checkedData, java.util.Map.copyOf(uncheckedData));
    }

    void add(Rule rule, String file, SourcePosition start, SourcePosition end, String dialect, String message) {
        add(rule, rule.defaultSeverity(), file, start, end, dialect, message);
    }

    /** A finding at a severity other than the rule's default: a safety rule on a table in largeTables. */
    void add(Rule rule, Severity severity, String file, SourcePosition start, SourcePosition end, String dialect,
             String message) {
        if (!rule.id().equals(UnknownObject.RULE.id()) || reported.add(new Place(file, start, dialect))) {
            findings.add(new Finding(rule.id(), severity, file, start, end, dialect, message));
        }
    }

    /** A finding about a script as a whole: at its first line (a dbmate section's marker line). */
    void addAtScript(Rule rule, Script script, String message) {
        SourcePosition start = script.section().from() == 0 ? Finding.FILE_START
                : script.file().lines().position(script.section().from());
        add(rule, script.displayPath(), start, start, null, message);
    }

    /** Rules that name the construct a database rejects; their finding says more than the syntax error. */
    private static final java.util.Set<String> EXPLAINING = java.util.Set.of(DialectUnsupported.RULE.id(),
            IfNotExistsUnsupported.RULE.id(), SqliteAlterNeedsRebuild.RULE.id(),
            SqliteAddColumnRestriction.RULE.id());

    /** Whether a finding added since {@code since} names why the statement is rejected. */
    boolean explainsSyntaxError(int since) {
        return findings.subList(since, findings.size()).stream().anyMatch(f -> EXPLAINING.contains(f.rule()));
    }

    /** Drops the syntax error at {@code start}, which a dialect finding explains better. */
    void removeSyntaxError(String file, SourcePosition start) {
        findings.removeIf(f -> f.rule().equals(SyntaxError.RULE.id()) && f.file().equals(file)
                && f.start().equals(start));
    }

    List<Finding> findings() {
        return findings;
    }
}
