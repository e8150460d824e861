package dev.drydock.validator.parse;

import dev.drydock.shared.sql.SqlStatement;
import dev.drydock.validator.statement.Statement;

import java.util.Optional;

/**
 * A statement with its shape, what it does ({@code typed}: from PostgreSQL's parse tree where libpg_query read it,
 * else from its tokens) and, when the database would reject it, the syntax problem.
 *
 * @param sqliteRefusal for a SQLite or D1 statement, SQLite's message when it cannot prepare it in an empty
 *                      database: a syntax error, or what SQLite resolves within the statement alone
 */
public record ParsedStatement(SqlStatement source, StatementShape shape, Statement typed,
                              Optional<SyntaxProblem> problem, Optional<String> sqliteRefusal) {

    public ParsedStatement(SqlStatement source, StatementShape shape, Statement typed, Optional<SyntaxProblem> problem) {
        this(source, shape, typed, problem, Optional.empty());
    }
}
