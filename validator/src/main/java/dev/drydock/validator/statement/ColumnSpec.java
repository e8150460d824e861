package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

/**
 * A column as a CREATE TABLE or an ADD COLUMN declares it.
 *
 * @param at         the column's name as written
 * @param type       its type as written, in lower case ({@code varchar(20)}, {@code timestamp with time zone}); null
 *                   when none is written (SQLite allows that)
 * @param typeAt     where the type starts; null when there is none
 * @param notNull    whether it is declared NOT NULL (a PRIMARY KEY makes it so too)
 * @param filled     whether the database fills it for existing rows: a DEFAULT, an identity or generated column,
 *                   serial, AUTO_INCREMENT
 * @param key        the token of an inline PRIMARY KEY or UNIQUE, which builds an index; null when none
 * @param references whether it declares a foreign key ({@code REFERENCES})
 */
public record ColumnSpec(SqlToken at, String name, String type, SqlToken typeAt, boolean notNull, boolean filled,
                         SqlToken key, boolean references) {
}
