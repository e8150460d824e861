package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;

/**
 * {@code foreign-key-type-mismatch}: a foreign key between columns of types the database will not join: on
 * PostgreSQL types it cannot compare through the referenced key's index (uuid onto integer, text onto bigint:
 * "foreign key constraint cannot be implemented"), on MySQL and MariaDB integers of another size or sign (int onto
 * bigint unsigned) or an integer against a string ("incorrectly formed"). The replay finds it ({@link ReplayCheck})
 * from both columns' types at that point; which pairs the databases join is measured (the schema package's
 * {@code ForeignKeyTypes}), and a type outside that measurement is never judged.
 */
final class ForeignKeyTypeMismatch {

    static final Rule RULE = Rule.of("foreign-key-type-mismatch", Severity.ERROR, "schema",
            "a foreign key between columns of types the database will not join",
            "The database stops the migration here. PostgreSQL needs the referencing and the referenced column to"
                    + " be comparable through the referenced key's index (integers with any number, strings with"
                    + " strings, dates with timestamps): uuid onto integer or text onto bigint is not. MySQL and"
                    + " MariaDB need integers of the same size and sign (int onto bigint unsigned fails, even with"
                    + " FOREIGN_KEY_CHECKS off). Give the referencing column the referenced column's type.")
            .on(Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB)
            .example(Dialect.POSTGRESQL, "CREATE TABLE orders (id int PRIMARY KEY, user_id uuid REFERENCES users (id));",
                    "DROP TABLE orders;");

    private ForeignKeyTypeMismatch() {
    }
}
