package dev.drydock.migrator;

import dev.drydock.shared.testing.ScratchDatabases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The database a migrator test works on, by dialect: a SQLite file in the test's project folder, or a scratch
 * database on the local PostgreSQL or MariaDB server, dropped on {@link #close()}.
 */
final class TargetDatabase implements AutoCloseable {

    private final String dialect;
    private final String configUrl;
    private final String jdbcUrl;
    private final Optional<ScratchDatabases.Scratch> scratch;

    private TargetDatabase(String dialect, String configUrl, String jdbcUrl, Optional<ScratchDatabases.Scratch> scratch) {
        this.dialect = dialect;
        this.configUrl = configUrl;
        this.jdbcUrl = jdbcUrl;
        this.scratch = scratch;
    }

    /** A new, empty database; {@code file} names the SQLite file inside {@code project}. */
    static TargetDatabase create(String dialect, Path project, String file) {
        return switch (dialect) {
            case "sqlite" -> new TargetDatabase(dialect, "jdbc:sqlite:./" + file,
                    "jdbc:sqlite:" + project.resolve(file), Optional.empty());
            case "postgresql" -> server(dialect, ScratchDatabases.postgres());
            case "mariadb" -> server(dialect, ScratchDatabases.mariadb());
            default -> throw new IllegalArgumentException(dialect);
        };
    }

    private static TargetDatabase server(String dialect, ScratchDatabases.Scratch scratch) {
        return new TargetDatabase(dialect, scratch.url(), scratch.url(), Optional.of(scratch));
    }

    String dialect() {
        return dialect;
    }

    /** The URL for drydock.yaml (relative to the project for SQLite). */
    String url() {
        return configUrl;
    }

    /** The URL to connect to from the test. */
    String jdbcUrl() {
        return jdbcUrl;
    }

    /** Where test-rollback makes its scratch databases; none for SQLite. */
    Optional<String> serverUrl() {
        return scratch.map(ScratchDatabases.Scratch::adminUrl);
    }

    /** Runs a statement that returns no rows. */
    void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The first column of every row of {@code sql}. */
    List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    /** Versions Flyway's history holds as applied, oldest first; empty before the first run made the table. */
    List<String> appliedVersions() throws SQLException {
        if (scratch.isEmpty() && !Files.exists(Path.of(jdbcUrl.substring("jdbc:sqlite:".length())))) {
            return List.of(); // connecting would create the file
        }
        return hasTable("flyway_schema_history") ? query("SELECT version FROM flyway_schema_history"
                + " WHERE success AND version IS NOT NULL ORDER BY installed_rank") : List.of();
    }

    /** Whether a table or view of that name exists in the database. */
    boolean hasTable(String name) throws SQLException {
        return !query(tableCountSql(name)).equals(List.of("0"));
    }

    /** Whether an index of that name exists in the database. */
    boolean hasIndex(String name) throws SQLException {
        return !query(switch (dialect) {
            case "sqlite" -> "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '" + name + "'";
            case "postgresql" -> "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname = '" + name + "'";
            default -> "SELECT count(*) FROM information_schema.statistics WHERE table_schema = DATABASE()"
                    + " AND index_name = '" + name + "'";
        }).equals(List.of("0"));
    }

    private String tableCountSql(String name) {
        return switch (dialect) {
            case "sqlite" -> "SELECT count(*) FROM sqlite_master WHERE name = '" + name + "'";
            case "postgresql" -> "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '" + name + "'";
            default -> "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                    + " AND table_name = '" + name + "'";
        };
    }

    @Override
    public void close() {
        scratch.ifPresent(ScratchDatabases.Scratch::close);
    }
}
