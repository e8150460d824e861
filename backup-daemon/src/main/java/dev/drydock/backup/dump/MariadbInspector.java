package dev.drydock.backup.dump;

import dev.drydock.backup.archive.Manifest;
import dev.drydock.shared.config.DatabaseEngine;
import dev.drydock.shared.migration.Checksums;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes a MariaDB/MySQL database for the manifest in the caller's consistent snapshot: server version,
 * Flyway's history, a fingerprint of columns, indexes and constraints, and the row count of every table.
 */
public final class MariadbInspector {

    private MariadbInspector() {
    }

    public static DumpResult describe(Connection connection, String schema, String dumper) throws SQLException {
        String version;
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("select version()")) {
            rows.next();
            version = rows.getString(1);
        }
        List<String> tables = strings(connection, "select table_name from information_schema.tables where table_schema = ?"
                + " and table_type = 'BASE TABLE' order by table_name", schema);
        Map<String, Manifest.TableStats> counts = new LinkedHashMap<>();
        for (String table : tables) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select count(*) from `" + table.replace("`", "``") + "`")) {
                rows.next();
                counts.put(table, new Manifest.TableStats(rows.getLong(1)));
            }
        }
        StringBuilder fingerprint = new StringBuilder();
        fingerprint.append(String.join("\n", strings(connection, "select concat_ws('|', table_name, column_name,"
                + " column_type, is_nullable, coalesce(column_default, '')) from information_schema.columns"
                + " where table_schema = ? order by table_name, column_name", schema)));
        fingerprint.append(String.join("\n", strings(connection, "select concat_ws('|', table_name, index_name, seq_in_index,"
                + " column_name, non_unique) from information_schema.statistics where table_schema = ?"
                + " order by table_name, index_name, seq_in_index", schema)));
        fingerprint.append(String.join("\n", strings(connection, "select concat_ws('|', table_name, constraint_name,"
                + " constraint_type) from information_schema.table_constraints where constraint_schema = ?"
                + " order by table_name, constraint_name", schema)));
        List<Manifest.AppliedMigration> applied = new ArrayList<>();
        boolean history = tables.contains("flyway_schema_history");
        if (history) {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                    "select version, description, checksum, installed_on, success from flyway_schema_history order by installed_rank")) {
                while (rows.next()) {
                    applied.add(new Manifest.AppliedMigration(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getBoolean(5)));
                }
            }
        }
        Manifest.MigrationState state = history ? new Manifest.MigrationState("flyway_schema_history", applied)
                : RunnerHistoryState.read(connection, DatabaseEngine.MARIADB)
                .orElse(new Manifest.MigrationState(null, applied));
        return new DumpResult(new Manifest.Database("mariadb", version, schema), new Manifest.Tool(dumper), state,
                "sha256:" + Checksums.sha256(fingerprint.toString()), counts);
    }

    private static List<String> strings(Connection connection, String sql, String schema) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

}
