package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;

/**
 * {@code duplicate-object}: creating what already exists at that point, without IF NOT EXISTS. The replay finds it
 * ({@link ReplayCheck}), and {@link UnknownObject#report} reports it.
 */
final class DuplicateObject {

    static final Rule RULE = Rule.of("duplicate-object", Severity.ERROR, "schema",
            "creating what already exists, without IF NOT EXISTS",
            "The database stops the migration here, because an earlier migration already created this object."
                    + " Drop the duplicate statement, pick another name, or add IF NOT EXISTS if both may run.")
            .example(Dialect.POSTGRESQL, "CREATE TABLE users (id int);", "SELECT 1;");

    private DuplicateObject() {
    }
}
