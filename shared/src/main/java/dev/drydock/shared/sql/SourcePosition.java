package dev.drydock.shared.sql;

/** A 1-based line and column in the original file, as an editor shows it. */
public record SourcePosition(int line, int column) {
}
