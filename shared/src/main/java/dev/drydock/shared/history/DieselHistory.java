package dev.drydock.shared.history;

import dev.drydock.shared.config.DatabaseEngine;
import dev.drydock.shared.migration.Migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * diesel's {@code __diesel_schema_migrations(version varchar(50), run_on timestamp)}: a row per applied migration,
 * its version being the folder name before the first {@code _} without dashes ({@code 2024-01-31-120000_users}
 * is {@code 20240131120000}).
 */
public record DieselHistory(DatabaseEngine engine) implements RunnerHistory {

    static final String TABLE = "__diesel_schema_migrations";

    @Override
    public String runner() {
        return "diesel";
    }

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public String key(Migration migration) {
        return migration.version().orElseThrow().text().replace("-", "");
    }

    @Override
    public List<Row> rows(Connection connection) throws SQLException {
        return VersionRows.read(connection, TABLE, "run_on");
    }

    @Override
    public void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (version VARCHAR(50) PRIMARY KEY NOT NULL,"
                    + " run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)");
        }
    }

    @Override
    public void recordApplied(Connection connection, Migration migration) throws SQLException {
        VersionRows.insert(connection, TABLE, key(migration));
    }

    @Override
    public void recordRolledBack(Connection connection, Migration migration, Optional<Migration> previous)
            throws SQLException {
        VersionRows.delete(connection, TABLE, key(migration));
    }
}
