package dev.drydock.migrator.history;

import dev.drydock.shared.BadInputException;
import dev.drydock.shared.history.RunnerHistory;
import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.migration.Version;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code baseline} where the layout's own runner keeps the history: the migrations up to a version get their rows
 * in the runner's table without being run, so the runner and the migrator both start after them.
 */
public final class NativeBaseline {

    private NativeBaseline() {
    }

    /** Records the unrecorded migrations up to {@code version}, in one transaction; returns their scripts. */
    public static List<String> record(RunnerDatabase database, MigrationSet set, String version) throws SQLException {
        Version last = set.layout().version(version);
        RunnerHistory history = database.history();
        List<Migration> chosen = set.migrations().stream()
                .filter(m -> m.version().orElseThrow().compareTo(last) <= 0).toList();
        if (chosen.isEmpty()) {
            throw new BadInputException("--version " + version + ": no migration has a version at or below it;"
                    + " 'migrator status' lists them");
        }
        List<String> recorded = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection()) {
            history.createTable(connection);
            List<RunnerHistory.Row> rows = history.rows(connection);
            connection.setAutoCommit(false);
            try {
                for (Migration migration : chosen) {
                    if (!history.isApplied(migration, rows)) {
                        history.recordApplied(connection, migration);
                        recorded.add(set.fileName(migration));
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
        return recorded;
    }
}
