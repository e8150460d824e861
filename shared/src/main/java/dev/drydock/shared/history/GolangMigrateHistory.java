package dev.drydock.shared.history;

import dev.drydock.shared.config.DatabaseEngine;
import dev.drydock.shared.migration.Migration;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * golang-migrate's {@code schema_migrations(version bigint, dirty boolean)}: one row, the newest applied version.
 * Every migration up to it counts as applied; {@code dirty} says a run died or failed inside that version, and
 * golang-migrate then refuses to go on until someone fixes the database and forces a version.
 */
public record GolangMigrateHistory(DatabaseEngine engine) implements RunnerHistory {

    static final String TABLE = "schema_migrations";

    @Override
    public String runner() {
        return "golang-migrate";
    }

    @Override
    public String table() {
        return TABLE;
    }

    /** golang-migrate reads the file name's leading digits as an unsigned number: {@code 0001} is 1. */
    @Override
    public String key(Migration migration) {
        String digits = migration.version().orElseThrow().text().replaceAll("\\D", "");
        return new BigInteger(digits.isEmpty() ? "0" : digits).toString();
    }

    @Override
    public List<Row> rows(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        if (!Tables.exists(connection, TABLE)) {
            return rows;
        }
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT version, dirty FROM " + TABLE)) {
            while (result.next()) {
                rows.add(new Row(result.getString(1), null, result.getBoolean(2)));
            }
        }
        return rows;
    }

    @Override
    public boolean isApplied(Migration migration, List<Row> rows) {
        BigInteger version = new BigInteger(key(migration));
        for (Row row : rows) {
            int order = version.compareTo(new BigInteger(row.version()));
            if (order < 0 || order == 0 && !row.dirty()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (engine == DatabaseEngine.SQLITE) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (version uint64, dirty bool)");
                statement.execute("CREATE UNIQUE INDEX IF NOT EXISTS version_unique ON " + TABLE + " (version)");
            } else {
                statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                        + " (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)");
            }
        }
    }

    @Override
    public void recordStarted(Connection connection, Migration migration) throws SQLException {
        setVersion(connection, key(migration), true);
    }

    @Override
    public void recordApplied(Connection connection, Migration migration) throws SQLException {
        setVersion(connection, key(migration), false);
    }

    @Override
    public void recordRolledBack(Connection connection, Migration migration, Optional<Migration> previous)
            throws SQLException {
        setVersion(connection, previous.map(this::key).orElse(null), false);
    }

    /** The table's one row, as golang-migrate's SetVersion leaves it; no row at all below the first migration. */
    private static void setVersion(Connection connection, String version, boolean dirty) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + TABLE);
        }
        if (version == null) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                + " (version, dirty) VALUES (?, ?)")) {
            insert.setLong(1, new BigInteger(version).longValueExact());
            insert.setBoolean(2, dirty);
            insert.executeUpdate();
        }
    }
}
