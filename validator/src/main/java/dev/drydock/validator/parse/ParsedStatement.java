package dev.drydock.validator.parse;

import dev.drydock.shared.sql.SqlStatement;
import dev.drydock.validator.statement.Statement;

import java.util.Optional;

/**
 * A statement with its shape, what it does ({@code typed}: from PostgreSQL's parse tree where libpg_query read it,
 * else from its tokens) and, when the database would reject it, the syntax problem.
 */
public record ParsedStatement(SqlStatement source, StatementShape shape, Statement typed,
                              Optional<SyntaxProblem> problem) {
}
