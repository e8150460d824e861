package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

import java.util.List;

/**
 * PostgreSQL's {@code CREATE POLICY name ON table ... USING (...) WITH CHECK (...)}, read from its parse tree.
 *
 * @param table   the table, schema-qualified when the statement qualifies it
 * @param columns the table's columns its expressions name; none when an expression holds a subquery, whose names
 *                may be another table's
 */
public record CreatePolicy(SqlToken at, String table, List<ColumnReference> columns) implements Statement {

    public CreatePolicy {
        columns = List.copyOf(columns);
    }
}
