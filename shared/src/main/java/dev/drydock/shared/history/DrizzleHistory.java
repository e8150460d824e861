package dev.drydock.shared.history;

import dev.drydock.shared.config.DatabaseEngine;
import dev.drydock.shared.migration.Checksums;
import dev.drydock.shared.migration.Migration;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * drizzle's {@code __drizzle_migrations(id serial, hash text, created_at bigint)} (in schema {@code drizzle} on
 * PostgreSQL): a row per applied migration, {@code created_at} being the journal's {@code when} of its file and
 * {@code hash} the SHA-256 of the file's text. drizzle's migrator applies every file whose {@code when} is above the
 * newest {@code created_at}, so that is what "applied" means here too.
 *
 * @param whenByFile the journal's {@code when} of each migration file name (empty when only rows are read)
 */
public record DrizzleHistory(DatabaseEngine engine, Map<String, Long> whenByFile) implements RunnerHistory {

    static final String TABLE = "__drizzle_migrations";
    static final String SCHEMA = "drizzle";

    @Override
    public String runner() {
        return "drizzle";
    }

    @Override
    public String table() {
        return engine == DatabaseEngine.POSTGRESQL ? SCHEMA + "." + TABLE : TABLE;
    }

    /** The journal's {@code when} of the migration's file, which drizzle records as {@code created_at}. */
    @Override
    public String key(Migration migration) {
        String file = migration.forward().file().path().getFileName().toString();
        Long when = whenByFile.get(file);
        if (when == null) {
            throw new IllegalStateException(file + " is not in drizzle's journal");
        }
        return String.valueOf(when);
    }

    @Override
    public List<Row> rows(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        boolean exists = engine == DatabaseEngine.POSTGRESQL ? Tables.exists(connection, SCHEMA, TABLE)
                : Tables.exists(connection, TABLE);
        if (!exists) {
            return rows;
        }
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(
                "SELECT created_at FROM " + table() + " ORDER BY created_at, id")) {
            while (result.next()) {
                rows.add(new Row(String.valueOf(result.getLong(1)), null, false));
            }
        }
        return rows;
    }

    @Override
    public boolean isApplied(Migration migration, List<Row> rows) {
        long when = Long.parseLong(key(migration));
        return rows.stream().mapToLong(row -> Long.parseLong(row.version())).anyMatch(newest -> newest >= when);
    }

    @Override
    public void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (engine == DatabaseEngine.POSTGRESQL) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            }
            statement.execute("CREATE TABLE IF NOT EXISTS " + table() + " (id SERIAL PRIMARY KEY, hash text NOT NULL,"
                    + " created_at " + (engine == DatabaseEngine.SQLITE ? "numeric" : "bigint") + ")");
        }
    }

    @Override
    public void recordApplied(Connection connection, Migration migration) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table()
                + " (hash, created_at) VALUES (?, ?)")) {
            insert.setString(1, hash(migration));
            insert.setLong(2, Long.parseLong(key(migration)));
            insert.executeUpdate();
        }
    }

    /** drizzle's hash: the SHA-256 of the file's bytes, as its migrator reads them. */
    private static String hash(Migration migration) throws SQLException {
        try {
            return Checksums.sha256(Files.readAllBytes(migration.forward().file().path()));
        } catch (IOException e) {
            throw new SQLException("cannot read " + migration.forward().displayPath() + " to record its hash: "
                    + e.getMessage(), e);
        }
    }

    /** The row goes, so the newest {@code created_at} falls below the file's {@code when} and drizzle applies it again. */
    @Override
    public void recordRolledBack(Connection connection, Migration migration, Optional<Migration> previous)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table()
                + " WHERE created_at = ?")) {
            delete.setLong(1, Long.parseLong(key(migration)));
            delete.executeUpdate();
        }
    }
}
