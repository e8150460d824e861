package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

/**
 * A function an expression of the statement calls, as PostgreSQL's grammar read it (a {@code FuncCall}), in lower
 * case unless quoted.
 *
 * @param schema the schema the call names ({@code pg_catalog} for the functions the grammar writes for SQL's own
 *               syntax, such as {@code EXTRACT}), or null when the name is not qualified
 */
public record FunctionCall(SqlToken at, String schema, String name) {
}
