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
 * @param calls             the functions its expressions and its WHERE call, read from the same tree
 */
public record CreateIndex(SqlToken at, String name, String table, boolean unique, boolean concurrently,
                          List<ColumnReference> expressionColumns, List<FunctionCall> calls) implements Statement {

    public CreateIndex {
        expressionColumns = List.copyOf(expressionColumns);
        calls = List.copyOf(calls);
    }

    public CreateIndex(SqlToken at, String name, String table, boolean unique, boolean concurrently) {
        this(at, name, table, unique, concurrently, List.of(), List.of());
    }
}
