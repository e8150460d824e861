package dev.drydock.migrator.rollback;

import dev.drydock.migrator.flyway.FlywayEngine;
import dev.drydock.shared.migration.Script;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Runs rollback scripts and keeps the history true: in the same transaction as the script (where the database has
 * transactional DDL), the migration leaves the history (Flyway's, or the layout's own runner's), so the runner sees
 * it pending again, and a row goes
 * into {@code drydock_rollback_history} saying what was rolled back, when, and the reason when it was forced.
 */
public final class RollbackRunner {

    public static final String HISTORY_TABLE = "drydock_rollback_history";
    /** The table, as every engine (D1 through wrangler too) creates it. */
    public static final String CREATE_HISTORY_TABLE = "CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE
            + " (version VARCHAR(50) NOT NULL, description VARCHAR(200), rolled_back_at TIMESTAMP(6) NOT NULL,"
            + " forced_reason VARCHAR(1000))";

    /** Takes a rolled-back migration out of the history that says it is applied, on the rollback's connection. */
    @FunctionalInterface
    public interface HistoryRemoval {
        void remove(Connection connection, RollbackPlan.Step step) throws SQLException;
    }

    /** The removal from Flyway's history: its row goes, so Flyway sees the migration pending again. */
    public static final HistoryRemoval FLYWAY = (connection, step) -> {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + FlywayEngine.HISTORY_TABLE
                + " WHERE version = ?")) {
            delete.setString(1, step.version());
            delete.executeUpdate();
        }
    };

    private final DataSource dataSource;
    private final Dialect dialect;
    private final HistoryRemoval removal;

    public RollbackRunner(DataSource dataSource, Dialect dialect, HistoryRemoval removal) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.removal = removal;
    }

    /** @param reason why a refused rollback was forced, or null */
    public void run(RollbackPlan.Step step, String reason, Consumer<String> progress) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            createHistoryTable(connection);
            // a migration that runs outside a transaction (CONCURRENTLY and the like) is undone outside one too
            boolean transactional = !dialect.isMySqlFamily()
                    && step.migration().map(migration -> migration.transaction().inTransaction()).orElse(true);
            connection.setAutoCommit(!transactional);
            try {
                if (step.hasRollback()) {
                    Script rollback = step.migration().orElseThrow().rollback().orElseThrow();
                    for (SqlStatement statement : rollback.statements(dialect)) {
                        try (Statement jdbc = connection.createStatement()) {
                            jdbc.execute(statement.text());
                        }
                    }
                }
                removal.remove(connection, step);
                record(connection, step, reason);
                if (transactional) {
                    connection.commit();
                }
            } catch (SQLException e) {
                if (transactional) {
                    connection.rollback();
                }
                throw e;
            }
        }
        progress.accept(String.format("rolled back %-16s %s (%d ms)%s", step.version(), step.description(),
                (System.nanoTime() - started) / 1_000_000, reason == null ? "" : " [forced: " + reason + "]"));
    }

    private static void createHistoryTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE_HISTORY_TABLE);
        }
    }

    private static void record(Connection connection, RollbackPlan.Step step, String reason) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + HISTORY_TABLE
                + " (version, description, rolled_back_at, forced_reason) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, step.version());
            insert.setString(2, step.description());
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.setString(4, reason);
            insert.executeUpdate();
        }
    }
}
