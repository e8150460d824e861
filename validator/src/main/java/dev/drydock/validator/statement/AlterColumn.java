package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

import java.util.List;

/**
 * {@code ALTER [COLUMN] name change}: one change to one column.
 *
 * @param type              for {@link Change#TYPE}, the new type as written, in lower case; null otherwise
 * @param typeAt            where the new type starts; null when there is none
 * @param expressionColumns for {@link Change#TYPE}, the columns its USING names, read from PostgreSQL's parse
 *                          tree; empty when the tokens were read
 */
public record AlterColumn(SqlToken at, String column, Change change, String type, SqlToken typeAt,
                          List<ColumnReference> expressionColumns) implements AlterAction {

    public enum Change { SET_NOT_NULL, DROP_NOT_NULL, SET_DEFAULT, DROP_DEFAULT, TYPE, OTHER }

    public AlterColumn {
        expressionColumns = List.copyOf(expressionColumns);
    }

    public AlterColumn(SqlToken at, String column, Change change, String type, SqlToken typeAt) {
        this(at, column, change, type, typeAt, List.of());
    }
}
