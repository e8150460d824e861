package dev.drydock.validator.schema;

import java.util.List;

/**
 * A standalone index (those behind PRIMARY KEY and UNIQUE constraints belong to the constraint).
 *
 * @param columns    the columns its key and predicate mention, lower case
 * @param definition its key and predicate, normalized
 * @param implicit   made by InnoDB for a foreign key that had no index (MySQL, MariaDB), which drops it again
 *                   when another index can serve the key; not compared, since the database shows it as any other
 */
public record Index(String name, String table, boolean unique, List<String> columns, String definition,
                    boolean implicit) {

    public Index(String name, String table, boolean unique, List<String> columns, String definition) {
        this(name, table, unique, columns, definition, false);
    }

    Index onTable(String newTable, List<String> newColumns) {
        return new Index(name, newTable, unique, newColumns, definition, implicit);
    }

    /** The same index under another name or key. */
    Index renamed(String newName) {
        return new Index(newName, table, unique, columns, definition, implicit);
    }

    String describe() {
        return (unique ? "unique " : "") + "index on " + table + " " + definition;
    }
}
