package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

/**
 * {@code ADD [CONSTRAINT name] PRIMARY KEY | UNIQUE | CHECK | FOREIGN KEY | EXCLUDE ...}.
 *
 * @param name       the constraint's name, or null when the database names it
 * @param notValid   whether it is added {@code NOT VALID} (existing rows are not checked)
 * @param usingIndex whether a key takes an index built before ({@code USING INDEX})
 */
public record AddConstraint(SqlToken at, String name, Kind kind, boolean notValid, boolean usingIndex)
        implements AlterAction {

    public enum Kind { PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY, EXCLUDE }
}
