package dev.drydock.shared.sql;

/** A comment that carries a {@code drydock:} directive, with the body after the comment marker. */
public record SqlComment(String body, int offset, SourcePosition position) {
}
