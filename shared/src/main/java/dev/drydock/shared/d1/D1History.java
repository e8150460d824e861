package dev.drydock.shared.d1;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Wrangler's own history of a D1 database: {@code d1_migrations(id, name, applied_at)} (or the table named by
 * {@code migrations_table}), one row per applied file, matched by file name. Drydock reads and writes it exactly as
 * {@code wrangler d1 migrations apply} does, so either tool sees what the other applied.
 */
public final class D1History {

    /** One row: wrangler's id, the migration's file name, and when it was applied (UTC, as SQLite wrote it). */
    public record Row(long id, String name, String appliedAt) {
    }

    private final Wrangler wrangler;
    private final String table;

    public D1History(Wrangler wrangler, String table) {
        this.wrangler = wrangler;
        this.table = table;
    }

    public String table() {
        return table;
    }

    /** The applied migrations in the order they were applied; none when the table does not exist yet. */
    public List<Row> rows() throws WranglerException {
        List<JsonNode> results;
        try {
            results = wrangler.query("SELECT id, name, applied_at FROM " + quoted() + " ORDER BY id");
        } catch (WranglerException e) {
            // one command instead of a look-up first: on a database wrangler never migrated the table is missing
            if (e.getMessage().contains("no such table")) {
                return List.of();
            }
            throw e;
        }
        List<Row> rows = new ArrayList<>();
        for (JsonNode row : results) {
            rows.add(new Row(row.path("id").asLong(), row.path("name").asText(), row.path("applied_at").asText(null)));
        }
        return rows;
    }

    /** Wrangler's statement creating the table, so a table Drydock creates is the one wrangler would have. */
    public String createTable() {
        return "CREATE TABLE IF NOT EXISTS " + quoted() + "(\n"
                + "    id         INTEGER PRIMARY KEY AUTOINCREMENT,\n"
                + "    name       TEXT UNIQUE,\n"
                + "    applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL\n"
                + ");";
    }

    /** The statement recording {@code fileName} as applied, run in the migration's own batch. */
    public String recordApplied(String fileName) {
        return "INSERT INTO " + quoted() + " (name) VALUES (" + literal(fileName) + ");";
    }

    /** The statement removing {@code fileName}'s row, run in its rollback's batch. */
    public String recordRolledBack(String fileName) {
        return "DELETE FROM " + quoted() + " WHERE name = " + literal(fileName) + ";";
    }

    /**
     * The number a migration's file name starts with, as written ({@code 0035} of {@code 0035_add_tags.sql}):
     * wrangler orders by it; the name itself for a file without one.
     */
    public static String version(String fileName) {
        int end = 0;
        while (end < fileName.length() && fileName.charAt(end) >= '0' && fileName.charAt(end) <= '9') {
            end++;
        }
        return end == 0 ? fileName : fileName.substring(0, end);
    }

    private String quoted() {
        return "\"" + table.replace("\"", "\"\"") + "\"";
    }

    /** {@code text} as a SQLite string literal. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
