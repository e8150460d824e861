package dev.drydock.validator.parse;

import dev.drydock.shared.sql.SourcePosition;

/** Where the database would reject a statement, and why, in the original file's coordinates. */
public record SyntaxProblem(String message, SourcePosition start, SourcePosition end) {
}
