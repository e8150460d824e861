package dev.drydock.validator.schema;

import java.util.List;

/**
 * A standalone index (those behind PRIMARY KEY and UNIQUE constraints belong to the constraint).
 *
 * @param columns the columns its key and predicate mention, lower case
 * @param definition its key and predicate, normalized
 */
public record Index(String name, String table, boolean unique, List<String> columns, String definition) {

    Index onTable(String newTable, List<String> newColumns) {
        return new Index(name, newTable, unique, newColumns, definition);
    }

    String describe() {
        return (unique ? "unique " : "") + "index on " + table + " " + definition;
    }
}
