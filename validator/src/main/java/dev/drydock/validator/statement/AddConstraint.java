package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

import java.util.List;

/**
 * {@code ADD [CONSTRAINT name] PRIMARY KEY | UNIQUE | CHECK | FOREIGN KEY | EXCLUDE ...}.
 *
 * @param name       the constraint's name, or null when the database names it
 * @param notValid   whether it is added {@code NOT VALID} (existing rows are not checked)
 * @param usingIndex whether a key takes an index built before ({@code USING INDEX})
 * @param checked    the columns a CHECK names, read from PostgreSQL's parse tree; empty when the tokens were read
 */
public record AddConstraint(SqlToken at, String name, Kind kind, boolean notValid, boolean usingIndex,
                            List<ColumnReference> checked) implements AlterAction {

    public enum Kind { PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY, EXCLUDE }

    public AddConstraint {
        checked = List.copyOf(checked);
    }
}
