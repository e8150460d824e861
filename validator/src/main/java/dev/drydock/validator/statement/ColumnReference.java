package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

/**
 * A column an expression of the statement names, as PostgreSQL's grammar read it (a {@code ColumnRef}): its last
 * part, folded to lower case unless quoted, and the token that writes it.
 *
 * @param namedBy what names it, as a message says it: {@code the CHECK}, {@code the index's expression}
 */
public record ColumnReference(SqlToken at, String name, String namedBy) {
}
