package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

/**
 * {@code ADD [COLUMN] [IF NOT EXISTS] name type [constraints]}.
 *
 * @param notNull    whether the column is declared NOT NULL (a PRIMARY KEY makes it so too)
 * @param filled     whether the database fills the column for existing rows: a DEFAULT, an identity or generated
 *                   column, serial, AUTO_INCREMENT
 * @param key        the token of an inline PRIMARY KEY or UNIQUE, which builds an index; null when none
 * @param references whether the column declares a foreign key ({@code REFERENCES})
 */
public record AddColumn(SqlToken at, String column, boolean notNull, boolean filled, SqlToken key,
                        boolean references) implements AlterAction {
}
