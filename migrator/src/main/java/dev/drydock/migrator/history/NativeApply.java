package dev.drydock.migrator.history;

import dev.drydock.migrator.lock.ServerLock;
import dev.drydock.migrator.run.ApplyJournal;
import dev.drydock.migrator.run.FailureCause;
import dev.drydock.migrator.run.RunInterrupted;
import dev.drydock.migrator.run.RunRecorder;
import dev.drydock.migrator.run.RunReport;
import dev.drydock.shared.history.RunnerHistory;
import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies migrations where the layout's own runner keeps the history, as that runner does: each migration's
 * statements and its history row in one transaction where the migration runs in one, so it lands with its row or
 * not at all. Where DDL commits at once (MySQL, MariaDB) or the migration opts out of a transaction, the apply
 * journal's mark (and golang-migrate's dirty flag) is written first, so a run that dies halfway is explained by
 * the next. Flyway cannot keep another runner's table, so these statements are run here, split as the validator
 * splits them.
 */
public final class NativeApply {

    /** What the run did: the migrations applied, and the one that failed (null when none did). */
    public record Outcome(List<RunReport.Applied> applied, RunReport.Failed failed) {
    }

    private final RunnerDatabase database;
    private final MigrationSet set;
    private final Dialect dialect;
    private final ApplyJournal journal;
    private final ServerLock lock;
    private final Consumer<String> progress;

    public NativeApply(RunnerDatabase database, MigrationSet set, Dialect dialect, ApplyJournal journal,
                       ServerLock lock, Consumer<String> progress) {
        this.database = database;
        this.set = set;
        this.dialect = dialect;
        this.journal = journal;
        this.lock = lock;
        this.progress = progress;
    }

    /** Applies {@code pending} in order and stops at the first failure. */
    public Outcome apply(List<Migration> pending) throws SQLException {
        RunnerHistory history = database.history();
        List<RunReport.Applied> applied = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(true);
            history.createTable(connection);
            for (Migration migration : pending) {
                lock.checkHeld();
                String version = NativeStatus.version(migration);
                String label = version + " " + migration.description();
                progress.accept("applying " + label + " ...");
                long started = System.nanoTime();
                List<String> ran = new ArrayList<>();
                try {
                    run(connection, migration, ran);
                } catch (SQLException e) {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    String error = e.getMessage() == null ? e.toString() : e.getMessage().strip();
                    if (FailureCause.connectionLost(e)) {
                        // as on Flyway's path: exit 3, and the apply journal's mark explains it to the next run
                        throw new RunInterrupted("the connection was lost while applying " + label + " (" + error
                                + "); 'migrator status' shows what was applied, and the next 'migrator up' explains"
                                + " a migration that was cut off");
                    }
                    if (history.continuesAfterFailure(migration)) {
                        journal.end(connection, version);
                        progress.accept("failed   " + label + " (" + error + "); left pending and going on, as "
                                + history.runner() + " does for it");
                        continue;
                    }
                    return new Outcome(applied, new RunReport.Failed(version, migration.description(), millis,
                            error, List.copyOf(ran)));
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                applied.add(new RunReport.Applied(version, migration.description(), millis));
                progress.accept(String.format("applied  %s (%d ms)", label, millis));
            }
        }
        return new Outcome(applied, null);
    }

    private void run(Connection connection, Migration migration, List<String> ran) throws SQLException {
        RunnerHistory history = database.history();
        boolean transactional = migration.transaction().inTransaction();
        boolean undoable = transactional && database.engine().transactionalDdl();
        String version = NativeStatus.version(migration);
        journal.begin(version, migration.description(), set.fileName(migration), !undoable);
        if (!undoable) {
            history.recordStarted(connection, migration);
        }
        connection.setAutoCommit(!transactional);
        try {
            for (SqlStatement statement : migration.forward().statements(dialect)) {
                try (Statement jdbc = connection.createStatement()) {
                    jdbc.execute(statement.text());
                } catch (SQLException e) {
                    throw new SQLException("line " + statement.start().line() + " of "
                            + migration.forward().displayPath() + ": " + e.getMessage(), e.getSQLState(), e);
                }
                ran.add(RunRecorder.statementLine(statement.text()));
            }
            history.recordApplied(connection, migration);
            journal.end(connection, version);
            if (transactional) {
                connection.commit();
            }
        } catch (SQLException e) {
            if (transactional) {
                connection.rollback();
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
