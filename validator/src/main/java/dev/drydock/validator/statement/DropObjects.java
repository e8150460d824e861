package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

import java.util.List;

/**
 * {@code DROP type [CONCURRENTLY] [IF EXISTS] name, ... [CASCADE]}.
 *
 * @param type  what is dropped, in upper case as written ({@code TABLE}, {@code INDEX}, {@code MATERIALIZED VIEW})
 * @param names the objects, schema-qualified when the statement qualifies them
 */
public record DropObjects(SqlToken at, String type, List<String> names, boolean concurrently, boolean ifExists,
                          boolean cascade) implements Statement {
}
