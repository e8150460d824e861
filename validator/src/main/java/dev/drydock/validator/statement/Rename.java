package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

/**
 * {@code RENAME [COLUMN] a TO b} (a column), or {@code RENAME TO b} and MySQL's {@code RENAME AS b} (the table).
 *
 * @param column the column renamed, or null when the table is
 */
public record Rename(SqlToken at, String column, String newName) implements AlterAction {
}
