package dev.drydock.validator.rules;

/**
 * {@code unused-suppression}: a {@code drydock:ignore} that hides no finding. Which ones those are is known only once
 * every other rule has run, so {@link Suppressions#unused} finds them and {@link RuleEngine} reports them.
 */
final class UnusedSuppression {

    static final Rule RULE = Rule.of("unused-suppression", Severity.WARNING, "parsing",
            "a drydock:ignore that suppresses nothing",
            "A suppression that matches no finding hides nothing today but will hide a real finding tomorrow."
                    + " Remove it, or correct the rule id.");

    private UnusedSuppression() {
    }
}
