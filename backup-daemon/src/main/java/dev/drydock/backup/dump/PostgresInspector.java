package dev.drydock.backup.dump;

import dev.drydock.backup.archive.Manifest;
import dev.drydock.shared.config.DatabaseEngine;
import dev.drydock.shared.migration.Checksums;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes a PostgreSQL database for the manifest, inside the caller's transaction (so it sees the snapshot
 * pg_dump dumps): server version, Flyway's history, a fingerprint of columns, indexes and constraints, and
 * the row count of every table. A restore is checked against the same description.
 */
public final class PostgresInspector {

    private static final String USER_SCHEMAS = "not in ('pg_catalog', 'information_schema') and %s not like 'pg_toast%%'"
            + " and %s not like 'pg_temp%%'";

    private PostgresInspector() {
    }

    public static DumpResult describe(Connection connection, String name, String dumper) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            String version = single(statement, "show server_version").split(" ")[0];
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select n.nspname, c.relname from pg_class c join pg_namespace n"
                    + " on n.oid = c.relnamespace where c.relkind in ('r', 'p') and n.nspname "
                    + USER_SCHEMAS.formatted("n.nspname", "n.nspname") + " order by 1, 2")) {
                while (rows.next()) {
                    tables.add(rows.getString(1) + "." + rows.getString(2));
                }
            }
            Map<String, Manifest.TableStats> counts = new LinkedHashMap<>();
            for (String table : tables) {
                String[] parts = table.split("\\.", 2);
                counts.put(table, new Manifest.TableStats(Long.parseLong(single(statement, "select count(*) from "
                        + quote(parts[0]) + "." + quote(parts[1])))));
            }
            return new DumpResult(new Manifest.Database("postgresql", version, name), new Manifest.Tool(dumper),
                    migrationState(statement, tables), "sha256:" + fingerprint(statement), counts);
        }
    }

    private static String fingerprint(Statement statement) throws SQLException {
        StringBuilder schema = new StringBuilder();
        append(statement, schema, "select table_schema, table_name, column_name, data_type, is_nullable, column_default"
                + " from information_schema.columns where table_schema " + USER_SCHEMAS.formatted("table_schema", "table_schema")
                + " order by 1, 2, 3");
        append(statement, schema, "select schemaname, tablename, indexname, indexdef from pg_indexes where schemaname "
                + USER_SCHEMAS.formatted("schemaname", "schemaname") + " order by 1, 2, 3");
        append(statement, schema, "select c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)"
                + " from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname "
                + USER_SCHEMAS.formatted("n.nspname", "n.nspname") + " order by 1, 2");
        return Checksums.sha256(schema.toString());
    }

    private static void append(Statement statement, StringBuilder out, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int c = 1; c <= columns; c++) {
                    out.append(rows.getString(c)).append('|');
                }
                out.append('\n');
            }
        }
    }

    private static Manifest.MigrationState migrationState(Statement statement, List<String> tables) throws SQLException {
        String history = tables.contains("public.flyway_schema_history") ? "public.flyway_schema_history"
                : tables.stream().filter(t -> t.endsWith(".flyway_schema_history")).findFirst().orElse(null);
        List<Manifest.AppliedMigration> applied = new ArrayList<>();
        if (history == null) {
            return RunnerHistoryState.read(statement.getConnection(), DatabaseEngine.POSTGRESQL)
                    .orElse(new Manifest.MigrationState(null, applied));
        }
        String[] parts = history.split("\\.", 2);
        try (ResultSet rows = statement.executeQuery("select version, description, checksum, installed_on, success from "
                + quote(parts[0]) + "." + quote(parts[1]) + " order by installed_rank")) {
            while (rows.next()) {
                applied.add(new Manifest.AppliedMigration(rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getBoolean(5)));
            }
        }
        return new Manifest.MigrationState("flyway_schema_history", applied);
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
