package dev.drydock.validator.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs every check over an analysis, then applies the config's severities ({@code off} drops a rule) and
 * the scripts' suppressions, and reports the suppressions that hid nothing.
 */
public final class RuleEngine {

    private static final List<Check> CHECKS = List.of(new FilenameConvention(), new DuplicateVersion(), new RollbackMissing(),
            new RollbackEmpty(), new RollbackOrphan(), new SyntaxError(), new EmptyMigration(), new HistoryMutated(),
            new OutOfOrder(), new ReplayCheck());
    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(f -> f.start().line()).thenComparingInt(f -> f.start().column())
            .thenComparing(Finding::rule);

    private final Map<String, String> severities;

    /** @param severities rule id to {@code error|warning|info|off}; ids must be in the catalogue */
    public RuleEngine(Map<String, String> severities) {
        this.severities = Map.copyOf(severities);
    }

    /** The first configured rule id that is not in the catalogue. */
    public static Optional<String> unknownRule(Map<String, String> severities) {
        return severities.keySet().stream().filter(id -> RuleCatalog.byId(id).isEmpty()).sorted().findFirst();
    }

    /** How many data statements Calcite validated, and how many it could not, by reason. */
    public record DataChecks(int checked, java.util.Map<String, Integer> unchecked) {
    }

    /** The findings of a run, and what it could not check. */
    public record Outcome(List<Finding> findings, DataChecks dataChecks) {
    }

    public Outcome run(Analysis analysis) {
        FindingSink sink = new FindingSink();
        for (Check check : CHECKS) {
            check.run(analysis, sink);
        }
        Set<String> off = new HashSet<>();
        severities.forEach((rule, severity) -> {
            if (severity.equals("off")) {
                off.add(rule);
            }
        });
        RuleCatalog.all().stream().filter(rule -> rule.optIn() && !severities.containsKey(rule.id()))
                .forEach(rule -> off.add(rule.id()));
        Suppressions suppressions = new Suppressions(analysis);
        List<Finding> findings = new ArrayList<>();
        for (Finding finding : sink.findings()) {
            if (!off.contains(finding.rule()) && !suppressions.hides(finding)) {
                findings.add(withConfiguredSeverity(finding));
            }
        }
        if (!off.contains(UnusedSuppression.RULE.id())) {
            suppressions.unused(off).stream().filter(f -> !suppressions.hides(f)).map(this::withConfiguredSeverity)
                    .forEach(findings::add);
        }
        findings.sort(ORDER);
        return new Outcome(findings, sink.dataChecks());
    }

    /** The config's severity, except that a finding raised above its default (largeTables) stays raised. */
    private Finding withConfiguredSeverity(Finding finding) {
        String configured = severities.get(finding.rule());
        Severity byDefault = RuleCatalog.byId(finding.rule()).map(Rule::defaultSeverity).orElse(finding.severity());
        if (configured == null || finding.severity() != byDefault) {
            return finding;
        }
        return Severity.fromId(configured).map(finding::withSeverity).orElse(finding);
    }
}
