package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;

/**
 * {@code type-change-without-using}: {@code ALTER COLUMN ... TYPE} from a type PostgreSQL converts into the new one
 * only when told how: text to integer, text to uuid or jsonb, integer to boolean, and so on. PostgreSQL refuses the
 * statement ("column cannot be cast automatically") whatever the rows hold. The replay finds it ({@link ReplayCheck})
 * from the column's type at that point; which conversions PostgreSQL makes on its own is measured, not guessed
 * (see the schema package's {@code AssignmentCasts}), and a type outside that measurement is never judged.
 */
final class TypeChangeWithoutUsing {

    static final Rule RULE = Rule.of("type-change-without-using", Severity.ERROR, "schema",
            "a column type change PostgreSQL cannot make without USING",
            "PostgreSQL stops the migration here: it converts a column to another type on its own only where a"
                    + " cast it may apply on assignment exists (integer to bigint, anything to text, timestamp to"
                    + " timestamptz); out of a string type, or between unrelated types, it needs to be told how."
                    + " Add USING with the conversion, e.g. ALTER COLUMN c TYPE integer USING c::integer, and make"
                    + " sure every row converts.")
            .on(Dialect.POSTGRESQL)
            .example(Dialect.POSTGRESQL, "ALTER TABLE users ALTER COLUMN name TYPE integer;",
                    "ALTER TABLE users ALTER COLUMN name TYPE text;");

    private TypeChangeWithoutUsing() {
    }
}
