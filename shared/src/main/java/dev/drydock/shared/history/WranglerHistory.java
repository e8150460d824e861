package dev.drydock.shared.history;

import dev.drydock.shared.config.DatabaseEngine;
import dev.drydock.shared.migration.Migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * wrangler's {@code d1_migrations(id, name, applied_at)} in a database reached over JDBC (a SQLite copy of a D1
 * database, say): a row per applied file, matched by file name as wrangler matches it. A {@code d1:} environment
 * keeps the same table through wrangler itself.
 */
public record WranglerHistory(DatabaseEngine engine) implements RunnerHistory {

    static final String TABLE = "d1_migrations";

    @Override
    public String runner() {
        return "wrangler";
    }

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public String key(Migration migration) {
        return migration.forward().file().path().getFileName().toString();
    }

    @Override
    public List<Row> rows(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        if (!Tables.exists(connection, TABLE)) {
            return rows;
        }
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(
                "SELECT name, applied_at FROM " + TABLE + " ORDER BY id")) {
            while (result.next()) {
                rows.add(new Row(result.getString(1), result.getString(2), false));
            }
        }
        return rows;
    }

    /** As wrangler creates it on D1 (SQLite), and its nearest form on the other engines. */
    @Override
    public void createTable(Connection connection) throws SQLException {
        String id = switch (engine) {
            case SQLITE -> "INTEGER PRIMARY KEY AUTOINCREMENT";
            case POSTGRESQL -> "SERIAL PRIMARY KEY";
            case MARIADB -> "INT AUTO_INCREMENT PRIMARY KEY";
        };
        String name = engine == DatabaseEngine.MARIADB ? "VARCHAR(255)" : "TEXT";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (id " + id + ", name " + name + " UNIQUE,"
                    + " applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)");
        }
    }

    @Override
    public void recordApplied(Connection connection, Migration migration) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (name) VALUES (?)")) {
            insert.setString(1, key(migration));
            insert.executeUpdate();
        }
    }

    @Override
    public void recordRolledBack(Connection connection, Migration migration, Optional<Migration> previous)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE name = ?")) {
            delete.setString(1, key(migration));
            delete.executeUpdate();
        }
    }
}
