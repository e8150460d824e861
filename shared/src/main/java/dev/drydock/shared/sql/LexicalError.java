package dev.drydock.shared.sql;

/** A string, identifier, comment or dollar-quoted body that is never closed. */
public record LexicalError(String message, SourcePosition position) {
}
