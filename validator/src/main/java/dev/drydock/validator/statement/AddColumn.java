package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

import java.util.List;

/**
 * {@code ADD [COLUMN] [IF NOT EXISTS] name type [constraints]}.
 *
 * @param expressionColumns the columns its CHECK and its generation expression name, read from PostgreSQL's parse
 *                          tree; empty when the tokens were read
 */
public record AddColumn(SqlToken at, ColumnSpec column, List<ColumnReference> expressionColumns) implements AlterAction {

    public AddColumn {
        expressionColumns = List.copyOf(expressionColumns);
    }

    public AddColumn(SqlToken at, ColumnSpec column) {
        this(at, column, List.of());
    }
}
