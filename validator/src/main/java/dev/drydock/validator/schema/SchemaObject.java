package dev.drydock.validator.schema;

/**
 * Any other named object: view, materialized view, sequence, type, domain, function, procedure, trigger,
 * policy, extension, schema, comment and the like.
 *
 * @param kind       lower case, as in SQL ({@code view}, {@code function}, {@code trigger})
 * @param key        its identity: the name, with the argument types for routines and the table for triggers
 * @param table      the table it belongs to and goes with when that table is dropped, or null
 * @param definition normalized text, so a changed body or definition shows up in comparisons
 */
public record SchemaObject(String kind, String key, String table, String definition) {
}
