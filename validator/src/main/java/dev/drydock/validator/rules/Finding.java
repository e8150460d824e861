package dev.drydock.validator.rules;

import dev.drydock.shared.sql.SourcePosition;

/**
 * One thing the validator found: which rule, how severe, where (1-based, {@code end} exclusive), for which
 * dialect (null when no dialect is involved), and a message that says what, where and the safe alternative.
 */
public record Finding(String rule, Severity severity, String file, SourcePosition start, SourcePosition end,
                      String dialect, String message) {

    static final SourcePosition FILE_START = new SourcePosition(1, 1);

    Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, file, start, end, dialect, message);
    }
}
