package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

/**
 * {@code ALTER [COLUMN] name change}: one change to one column.
 *
 * @param type   for {@link Change#TYPE}, the new type as written, in lower case; null otherwise
 * @param typeAt where the new type starts; null when there is none
 */
public record AlterColumn(SqlToken at, String column, Change change, String type, SqlToken typeAt)
        implements AlterAction {

    public enum Change { SET_NOT_NULL, DROP_NOT_NULL, SET_DEFAULT, DROP_DEFAULT, TYPE, OTHER }
}
