package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

import java.util.List;

/**
 * {@code CREATE TABLE name (column, ..., constraint, ...)}, with the columns it declares; none for a table made
 * from a query or another table ({@code AS SELECT}, {@code LIKE}, {@code PARTITION OF}).
 */
public record CreateTable(SqlToken at, String table, List<ColumnSpec> columns) implements Statement {
}
