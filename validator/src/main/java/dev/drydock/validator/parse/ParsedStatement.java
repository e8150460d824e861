package dev.drydock.validator.parse;

import dev.drydock.shared.sql.SqlStatement;

import java.util.Optional;

/** A statement with its shape and, when the database would reject it, the syntax problem. */
public record ParsedStatement(SqlStatement source, StatementShape shape, Optional<SyntaxProblem> problem) {
}
