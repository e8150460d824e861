package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

/** {@code DROP [COLUMN] [IF EXISTS] name [CASCADE]}. */
public record DropColumn(SqlToken at, String column, boolean ifExists, boolean cascade) implements AlterAction {
}
