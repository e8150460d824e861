package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

/**
 * A column an expression of the statement names, as PostgreSQL's grammar read it (a {@code ColumnRef}): its last
 * part, folded to lower case unless quoted, and the token that writes it.
 */
public record ColumnReference(SqlToken at, String name) {
}
