package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

import java.util.List;

/**
 * {@code CREATE TABLE name (column, ..., constraint, ...)}, with the columns it declares; none for a table made
 * from a query or another table ({@code AS SELECT}, {@code LIKE}, {@code PARTITION OF}).
 *
 * @param expressionColumns the columns its CHECK constraints and generated columns name, read from PostgreSQL's
 *                          parse tree; empty when the tokens were read, or when the table takes columns it does not
 *                          declare ({@code LIKE}, {@code INHERITS}, {@code PARTITION OF}, {@code OF type})
 * @param calls             the functions its expressions (defaults, CHECKs, generated columns) call, read from the
 *                          same tree; empty when the tokens were read
 */
public record CreateTable(SqlToken at, String table, List<ColumnSpec> columns, List<ColumnReference> expressionColumns,
                          List<FunctionCall> calls) implements Statement {

    public CreateTable {
        columns = List.copyOf(columns);
        expressionColumns = List.copyOf(expressionColumns);
        calls = List.copyOf(calls);
    }

    public CreateTable(SqlToken at, String table, List<ColumnSpec> columns) {
        this(at, table, columns, List.of(), List.of());
    }
}
