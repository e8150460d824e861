package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

import java.util.List;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [name] ON table ...}.
 *
 * @param name              the index's name, or null when the statement leaves it to the database
 * @param table             the indexed table, schema-qualified when the statement qualifies it
 * @param expressionColumns the columns its expressions and its WHERE name, read from PostgreSQL's parse tree; empty
 *                          when the tokens were read
 */
public record CreateIndex(SqlToken at, String name, String table, boolean unique, boolean concurrently,
                          List<ColumnReference> expressionColumns) implements Statement {

    public CreateIndex {
        expressionColumns = List.copyOf(expressionColumns);
    }

    public CreateIndex(SqlToken at, String name, String table, boolean unique, boolean concurrently) {
        this(at, name, table, unique, concurrently, List.of());
    }
}
