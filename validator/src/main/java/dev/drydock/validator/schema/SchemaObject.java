package dev.drydock.validator.schema;

import java.util.List;

/**
 * Any other named object: view, materialized view, sequence, type, domain, function, procedure, trigger,
 * policy, extension, schema, comment and the like.
 *
 * @param kind        lower case, as in SQL ({@code view}, {@code function}, {@code trigger})
 * @param key         its identity: the name, with the argument types for routines and the table for triggers
 * @param table       the table it belongs to and goes with when that table is dropped, or null
 * @param definition  normalized text, so a changed body or definition shows up in comparisons
 * @param usedColumns columns the object is known to use that its text does not name, as {@code table.column} in
 *                    the table's order: a PostgreSQL view's {@code SELECT *}, which the database expands when the
 *                    view is made
 */
public record SchemaObject(String kind, String key, String table, String definition, List<String> usedColumns) {

    public SchemaObject {
        usedColumns = List.copyOf(usedColumns);
    }

    public SchemaObject(String kind, String key, String table, String definition) {
        this(kind, key, table, definition, List.of());
    }

    /** The same object under another key (RENAME TO, SET SCHEMA). */
    SchemaObject renamed(String newKey) {
        return new SchemaObject(kind, newKey, table, definition, usedColumns);
    }
}
