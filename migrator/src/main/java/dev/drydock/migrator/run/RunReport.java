package dev.drydock.migrator.run;

import java.util.List;

/**
 * What one {@code up} run did, for {@code --report} (JSON) and {@code --metrics-file} (Prometheus text).
 *
 * @param backup the backup the gate named or took, or null
 * @param failed the migration that failed, or null
 */
public record RunReport(String environment, String startedAt, long durationMillis, String backup,
                        List<Applied> applied, Failed failed) {

    /** A migration that was applied, and how long it took. */
    public record Applied(String version, String description, long millis) {
    }

    /**
     * The migration that failed, what the database said ({@code error}: its own message, with the script line), and
     * the statements of it that had run before the failing one (on databases without transactional DDL those stay
     * applied).
     */
    public record Failed(String version, String description, long millis, String error, List<String> statementsRun) {

        public Failed withError(String databaseMessage) {
            return new Failed(version, description, millis, databaseMessage, statementsRun);
        }
    }

    public boolean success() {
        return failed == null;
    }
}
