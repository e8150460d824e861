package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;

/**
 * {@code dependent-objects}: a drop that PostgreSQL refuses without CASCADE because another object needs what it
 * drops: a foreign key needs the table it points at, the columns it references, the primary key or unique
 * constraint it rests on; a column needs its type or domain; a view needs the columns it names; a primary key
 * needs its columns NOT NULL. A column a view names cannot change its type either. On MariaDB, a column a foreign
 * key needs (the table's own key on it, or another table's key onto it), which no CASCADE and no
 * FOREIGN_KEY_CHECKS setting lets go, and a table another table's key points at, while FOREIGN_KEY_CHECKS is on. The replay finds it ({@link ReplayCheck}), and {@link UnknownObject#report}
 * reports it. Only dependencies the model knows for certain count: a key resting on one of two equal unique
 * constraints is not guessed at, and views (whose use of a column is read from text) are left out.
 */
final class DependentObjects {

    static final Rule RULE = Rule.of("dependent-objects", Severity.ERROR, "schema",
            "dropping (or retyping) what a key, a column or a view needs",
            "PostgreSQL stops the migration here: a foreign key (another table's or the table's own) points at the"
                    + " table, the column or the key being dropped, a column is of the type or domain being dropped,"
                    + " a view names the column being dropped or given another type, or a primary key needs the"
                    + " NOT NULL being dropped. Drop or change the"
                    + " dependent first (a view: drop it and create it again after the change), drop both tables in"
                    + " one statement, or add CASCADE if the dependent should go too. MariaDB refuses to drop a column"
                    + " a foreign key needs, its own or another table's: drop the key first (DROP FOREIGN KEY), in the"
                    + " same ALTER TABLE or before it; it refuses to drop a table another table's foreign key points at"
                    + " (error 1451), CASCADE or not, unless foreign_key_checks is off.")
            .on(Dialect.POSTGRESQL, Dialect.MARIADB)
            .example(Dialect.POSTGRESQL, "CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users (id));\n"
                    + "ALTER TABLE users DROP COLUMN id;", "DROP TABLE orders;");

    private DependentObjects() {
    }
}
