package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;

/**
 * {@code foreign-key-type-mismatch}: a foreign key between columns whose types PostgreSQL cannot compare through the
 * referenced key's index (uuid onto integer, text onto bigint, integer onto text), which it refuses ("foreign key
 * constraint cannot be implemented"). The replay finds it ({@link ReplayCheck}) from both columns' types at that
 * point; which pairs PostgreSQL joins is measured (the schema package's {@code ForeignKeyTypes}), and a type
 * outside that measurement is never judged.
 */
final class ForeignKeyTypeMismatch {

    static final Rule RULE = Rule.of("foreign-key-type-mismatch", Severity.ERROR, "schema",
            "a foreign key between columns of types PostgreSQL cannot join",
            "PostgreSQL stops the migration here: a foreign key needs the referencing and the referenced column to"
                    + " be comparable through the referenced key's index (integers with any number, strings with"
                    + " strings, dates with timestamps); uuid onto integer or text onto bigint is not. Give the"
                    + " referencing column the referenced column's type.")
            .on(Dialect.POSTGRESQL)
            .example(Dialect.POSTGRESQL, "CREATE TABLE orders (id int PRIMARY KEY, user_id uuid REFERENCES users (id));",
                    "DROP TABLE orders;");

    private ForeignKeyTypeMismatch() {
    }
}
