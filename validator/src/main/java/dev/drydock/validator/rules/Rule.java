package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;

import java.util.List;
import java.util.Optional;

/**
 * A rule of the catalogue: its id (the contract), default severity, the dialects it concerns (empty: all), a
 * one-line summary, help that says why it matters and what to do instead, and an example that fires it. An
 * opt-in rule is off until {@code validator.rules} names it; then it reports at its default severity unless
 * the config gives another.
 */
public record Rule(String id, Severity defaultSeverity, String category, List<Dialect> dialects, String summary,
                   String help, Optional<Example> example, boolean optIn) {

    /**
     * A migration that fires the rule, for the docs and for the test that holds the docs to the truth.
     *
     * @param rollback null for a migration without a rollback
     */
    public record Example(Dialect dialect, String forward, String rollback) {
    }

    static Rule of(String id, Severity severity, String category, String summary, String help) {
        return new Rule(id, severity, category, List.of(), summary, help, Optional.empty(), false);
    }

    Rule on(Dialect... only) {
        return new Rule(id, defaultSeverity, category, List.of(only), summary, help, example, optIn);
    }

    Rule example(Dialect dialect, String forward, String rollback) {
        return new Rule(id, defaultSeverity, category, dialects, summary, help,
                Optional.of(new Example(dialect, forward, rollback)), optIn);
    }

    Rule offUntilEnabled() {
        return new Rule(id, defaultSeverity, category, dialects, summary, help, example, true);
    }

    public boolean appliesTo(Dialect dialect) {
        return dialects.isEmpty() || dialects.contains(dialect);
    }
}
