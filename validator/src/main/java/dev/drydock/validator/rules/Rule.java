package dev.drydock.validator.rules;

/**
 * A rule of the catalogue: its id (the contract), default severity, a one-line summary, and help that
 * says why it matters and what to do instead.
 */
public record Rule(String id, Severity defaultSeverity, String category, String summary, String help) {
}
