package dev.drydock.shared.sql;

/**
 * One statement of a script: its text without the terminating delimiter, and where it stands in the
 * original file. {@code end} is the position just after the last character (exclusive, as in SARIF).
 */
public record SqlStatement(int index, String text, int startOffset, int endOffset,
                           SourcePosition start, SourcePosition end) {
}
