package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;

/**
 * {@code dependent-objects}: a drop that PostgreSQL refuses without CASCADE because a foreign key needs what it
 * drops: the table a key points at, a column a key references, or the primary key or unique constraint a key rests
 * on. The replay finds it ({@link ReplayCheck}), and {@link UnknownObject#report} reports it. Only dependencies the
 * model knows for certain count: a key resting on one of two equal unique constraints is not guessed at, and views
 * (whose use of a column is read from text) are left out.
 */
final class DependentObjects {

    static final Rule RULE = Rule.of("dependent-objects", Severity.ERROR, "schema",
            "dropping what a foreign key needs, without CASCADE",
            "PostgreSQL stops the migration here: another table's foreign key (or the table's own) points at the"
                    + " table, the column or the key being dropped. Drop or change the foreign key first, drop both"
                    + " tables in one statement, or add CASCADE if the key should go too.")
            .on(Dialect.POSTGRESQL)
            .example(Dialect.POSTGRESQL, "CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users (id));\n"
                    + "ALTER TABLE users DROP COLUMN id;", "DROP TABLE orders;");

    private DependentObjects() {
    }
}
