package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

import java.util.List;

/**
 * PostgreSQL's {@code CREATE [OR REPLACE] [CONSTRAINT] TRIGGER ... ON table}, read from its parse tree when it
 * names columns.
 *
 * @param table   the table, schema-qualified when the statement qualifies it
 * @param columns the columns of its {@code UPDATE OF} list and of its {@code WHEN} ({@code NEW.a} is {@code a})
 */
public record CreateTrigger(SqlToken at, String table, List<ColumnReference> columns) implements Statement {

    public CreateTrigger {
        columns = List.copyOf(columns);
    }
}
