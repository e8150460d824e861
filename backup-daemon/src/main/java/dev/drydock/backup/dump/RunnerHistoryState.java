package dev.drydock.backup.dump;

import dev.drydock.backup.archive.Manifest;
import dev.drydock.shared.config.DatabaseEngine;
import dev.drydock.shared.history.RunnerHistory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The migration state a backup records where no Flyway history exists but a runner's own does (golang-migrate,
 * dbmate, diesel): each row's version, when it was applied where the runner records it, and golang-migrate's dirty
 * flag as a failure. The migrator's backup gate compares the same rows with the live database's.
 */
final class RunnerHistoryState {

    private RunnerHistoryState() {
    }

    static Optional<Manifest.MigrationState> read(Connection connection, DatabaseEngine engine) throws SQLException {
        Optional<RunnerHistory> history = RunnerHistory.found(connection, engine);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        List<Manifest.AppliedMigration> applied = new ArrayList<>();
        for (RunnerHistory.Row row : history.get().rows(connection)) {
            applied.add(new Manifest.AppliedMigration(row.version(), null, null, row.appliedAt(), !row.dirty()));
        }
        return Optional.of(new Manifest.MigrationState(history.get().table(), applied));
    }
}
