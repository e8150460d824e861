package dev.drydock.backup.dump;

import dev.drydock.backup.archive.Manifest;
import dev.drydock.shared.config.DatabaseEngine;
import dev.drydock.shared.d1.D1History;
import dev.drydock.shared.migration.Checksums;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Describes a SQLite database for the manifest: version, the migration runner's history (Flyway's
 * {@code flyway_schema_history} or wrangler's {@code d1_migrations}), a fingerprint of the schema and the
 * row count of every table. A restore is checked against the same description.
 */
public final class SqliteInspector {

    private static final String D1_DEFAULT_HISTORY = "d1_migrations";

    private SqliteInspector() {
    }

    public static DumpResult describe(Connection connection, String name) throws SQLException {
        return describe(connection, name, "sqlite", D1_DEFAULT_HISTORY);
    }

    /**
     * @param engine    the manifest's engine: {@code sqlite}, or {@code d1} for a D1 export loaded into SQLite
     * @param d1History wrangler's history table ({@code migrations_table}), read when Flyway's is absent
     */
    public static DumpResult describe(Connection connection, String name, String engine, String d1History)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            String version = single(statement, "select sqlite_version()");
            List<String> tables = new ArrayList<>();
            StringBuilder schema = new StringBuilder();
            try (ResultSet rows = statement.executeQuery("select type, name, tbl_name, sql from sqlite_master"
                    + " where name not like 'sqlite_%' order by type, name")) {
                while (rows.next()) {
                    schema.append(rows.getString(1)).append('|').append(rows.getString(2)).append('|')
                            .append(rows.getString(3)).append('|').append(rows.getString(4)).append('\n');
                    if (rows.getString(1).equals("table")) {
                        tables.add(rows.getString(2));
                    }
                }
            }
            Map<String, Manifest.TableStats> counts = new LinkedHashMap<>();
            for (String table : tables) {
                counts.put("main." + table, new Manifest.TableStats(Long.parseLong(single(statement,
                        "select count(*) from \"" + table.replace("\"", "\"\"") + "\""))));
            }
            return new DumpResult(new Manifest.Database(engine, version, name),
                    new Manifest.Tool("sqlite online backup (sqlite-jdbc, SQLite " + version + ")"),
                    migrationState(statement, tables, engine.equals("d1") ? d1History : null, d1History), "sha256:" + Checksums.sha256(schema.toString()),
                    counts);
        }
    }

    /**
     * @param runnerTable the table to name even when it is absent (a D1 database wrangler has not migrated yet), or
     *                    null to name none then
     */
    private static Manifest.MigrationState migrationState(Statement statement, List<String> tables, String runnerTable,
                                                          String d1History) throws SQLException {
        List<Manifest.AppliedMigration> applied = new ArrayList<>();
        if (tables.contains("flyway_schema_history")) {
            try (ResultSet rows = statement.executeQuery("select version, description, checksum, installed_on, success"
                    + " from flyway_schema_history order by installed_rank")) {
                while (rows.next()) {
                    applied.add(new Manifest.AppliedMigration(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getInt(5) != 0));
                }
            }
            return new Manifest.MigrationState("flyway_schema_history", applied);
        }
        if (tables.contains(d1History)) {
            // wrangler's rows: the file name is what it matches on; the number it starts with is the version
            try (ResultSet rows = statement.executeQuery("select name, applied_at from \""
                    + d1History.replace("\"", "\"\"") + "\" order by id")) {
                while (rows.next()) {
                    applied.add(new Manifest.AppliedMigration(D1History.version(rows.getString(1)), rows.getString(1),
                            null, rows.getString(2), true));
                }
            }
            return new Manifest.MigrationState(d1History, applied);
        }
        if (runnerTable == null) {
            Optional<Manifest.MigrationState> runner = RunnerHistoryState.read(statement.getConnection(),
                    DatabaseEngine.SQLITE);
            if (runner.isPresent()) {
                return runner.get();
            }
        }
        return new Manifest.MigrationState(runnerTable, applied);
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

}
