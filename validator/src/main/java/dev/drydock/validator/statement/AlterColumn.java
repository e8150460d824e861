package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

/** {@code ALTER [COLUMN] name change}: one change to one column. */
public record AlterColumn(SqlToken at, String column, Change change) implements AlterAction {

    public enum Change { SET_NOT_NULL, DROP_NOT_NULL, SET_DEFAULT, DROP_DEFAULT, TYPE, OTHER }
}
