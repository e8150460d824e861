package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

/** {@code ADD [COLUMN] [IF NOT EXISTS] name type [constraints]}. */
public record AddColumn(SqlToken at, ColumnSpec column) implements AlterAction {
}
