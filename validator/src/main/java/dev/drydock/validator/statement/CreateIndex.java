package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [name] ON table ...}.
 *
 * @param name  the index's name, or null when the statement leaves it to the database
 * @param table the indexed table, schema-qualified when the statement qualifies it
 */
public record CreateIndex(SqlToken at, String name, String table, boolean unique, boolean concurrently)
        implements Statement {
}
