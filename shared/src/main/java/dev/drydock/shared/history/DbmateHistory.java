package dev.drydock.shared.history;

import dev.drydock.shared.config.DatabaseEngine;
import dev.drydock.shared.migration.Migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * dbmate's {@code schema_migrations(version varchar)}: a row per applied migration, holding the file name's leading
 * digits as written ({@code 001} stays {@code 001}).
 */
public record DbmateHistory(DatabaseEngine engine) implements RunnerHistory {

    static final String TABLE = "schema_migrations";

    @Override
    public String runner() {
        return "dbmate";
    }

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public String key(Migration migration) {
        return migration.version().orElseThrow().text();
    }

    @Override
    public List<Row> rows(Connection connection) throws SQLException {
        return VersionRows.read(connection, TABLE, null);
    }

    @Override
    public void createTable(Connection connection) throws SQLException {
        // as dbmate 2 creates it: PostgreSQL's version column has no length limit, the others' have 128
        String type = engine == DatabaseEngine.POSTGRESQL ? "varchar" : "varchar(128)";
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (version " + type + " PRIMARY KEY)");
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
