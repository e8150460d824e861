package dev.drydock.migrator.history;

import dev.drydock.migrator.flyway.FlywayEngine;
import dev.drydock.migrator.run.ApplyJournal;
import dev.drydock.migrator.status.MigrationStatus;
import dev.drydock.migrator.status.StatusReader;
import dev.drydock.shared.BadInputException;
import dev.drydock.shared.history.RunnerHistory;
import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationSet;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a database stands by its runner's own history table, read as the runner reads it: what the team's runner
 * calls applied is applied here, so a database the runner migrated is adopted as it is, without a baseline.
 * The runners record no checksums: an applied file edited later is the validator's {@code history-mutated}.
 */
public final class NativeStatus {

    /** The status, and the rows it was read from (the backup gate compares them with a backup's manifest). */
    public record Reading(MigrationStatus status, List<RunnerHistory.Row> rows) {
    }

    private NativeStatus() {
    }

    public static Reading read(String environment, RunnerDatabase database, MigrationSet set,
                               List<ApplyJournal.Mark> interrupted) throws SQLException {
        RunnerHistory history = database.history();
        List<RunnerHistory.Row> rows;
        try (Connection connection = database.dataSource().getConnection()) {
            rows = history.rows(connection);
            if (rows.isEmpty()) {
                refuseFlywayHistory(connection, database);
            }
        }
        List<MigrationStatus.Entry> applied = new ArrayList<>();
        List<MigrationStatus.Entry> pending = new ArrayList<>();
        List<MigrationStatus.Drift> drift = new ArrayList<>();
        String current = null;
        for (Migration migration : set.migrations()) {
            if (history.isApplied(migration, rows)) {
                String appliedAt = rows.stream().filter(row -> history.isRowOf(row, migration)).findFirst()
                        .map(RunnerHistory.Row::appliedAt).orElse(null);
                applied.add(entry(set, migration, appliedAt));
                current = version(migration);
            } else {
                pending.add(entry(set, migration, null));
            }
        }
        for (RunnerHistory.Row row : rows) {
            if (row.dirty()) {
                drift.add(new MigrationStatus.Drift(row.version(), history.table(), "golang-migrate's history says"
                        + " version " + row.version() + " is dirty: a run died or failed inside it, so part of it may"
                        + " have stayed", "fix the database by hand (compare it with the migration), then clear the"
                        + " flag as golang-migrate does: 'migrate force " + row.version() + "' when all of it is"
                        + " applied, 'migrate force <the version before>' when none of it is"));
            } else if (set.migrations().stream().noneMatch(migration -> history.isRowOf(row, migration))) {
                drift.add(new MigrationStatus.Drift(row.version(), history.table(), "applied (a row in "
                        + history.table() + ") but no migration file has that version", "restore the file from"
                        + " version control; a migration that was applied must stay"));
            }
        }
        drift.addAll(StatusReader.interruptedDrift(interrupted, environment));
        MigrationStatus status = new MigrationStatus(environment,
                StatusReader.withoutCredentials(database.environment().url()), history.table(), current, applied,
                pending, List.of(), drift);
        return new Reading(status, rows);
    }

    /** The pending migrations up to version {@code to} (all of them when null). */
    public static List<Migration> pendingUpTo(MigrationSet set, MigrationStatus status, String to) {
        Set<String> pending = new HashSet<>();
        status.pending().forEach(entry -> pending.add(entry.version()));
        dev.drydock.shared.migration.Version last = to == null ? null : set.layout().version(to);
        List<Migration> chosen = new ArrayList<>();
        for (Migration migration : set.migrations()) {
            if (pending.contains(version(migration))
                    && (last == null || migration.version().orElseThrow().compareTo(last) <= 0)) {
                chosen.add(migration);
            }
        }
        return chosen;
    }

    /** {@code status} with only the pending entries of {@code chosen}: what a plan shows. */
    public static MigrationStatus withPending(MigrationStatus status, List<Migration> chosen) {
        Set<String> versions = new HashSet<>();
        chosen.forEach(migration -> versions.add(version(migration)));
        return new MigrationStatus(status.environment(), status.database(), status.historyTable(), status.current(),
                status.applied(), status.pending().stream().filter(entry -> versions.contains(entry.version())).toList(),
                status.failed(), status.drift());
    }

    /** The form a backup's manifest records the runner's rows in, for the backup gate. */
    public static List<String> state(List<RunnerHistory.Row> rows) {
        return rows.stream().map(row -> row.version() + ":null:" + !row.dirty()).toList();
    }

    static String version(Migration migration) {
        return migration.version().orElseThrow().canonical();
    }

    private static MigrationStatus.Entry entry(MigrationSet set, Migration migration, String appliedAt) {
        return new MigrationStatus.Entry(version(migration), migration.description(), set.fileName(migration),
                appliedAt, null);
    }

    /**
     * A database whose history an earlier Drydock kept in Flyway's table would look empty here, and every migration
     * would run again: refuse, and say how to go on.
     */
    private static void refuseFlywayHistory(Connection connection, RunnerDatabase database) throws SQLException {
        boolean flyway = false;
        for (String name : new String[] {FlywayEngine.HISTORY_TABLE, FlywayEngine.HISTORY_TABLE.toUpperCase()}) {
            try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, name, null)) {
                flyway |= tables.next();
            }
        }
        if (!flyway) {
            return;
        }
        try (Statement statement = connection.createStatement(); ResultSet count = statement.executeQuery(
                "SELECT COUNT(*) FROM " + FlywayEngine.HISTORY_TABLE + " WHERE success = " + (database.engine()
                == dev.drydock.shared.config.DatabaseEngine.POSTGRESQL ? "true" : "1"))) {
            if (count.next() && count.getLong(1) > 0) {
                throw new BadInputException(database.environment().name() + ": the migrations are in "
                        + FlywayEngine.HISTORY_TABLE + ", where an earlier Drydock kept them, and " + database.history()
                        .table() + " (" + database.history().runner() + "'s own) is empty. Set 'migrations.history:"
                        + " flyway' in drydock.yaml to keep Flyway's table, or move to " + database.history().runner()
                        + "'s: 'migrator baseline --version V' records the applied ones there");
            }
        }
    }
}
