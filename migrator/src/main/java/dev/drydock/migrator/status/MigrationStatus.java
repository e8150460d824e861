package dev.drydock.migrator.status;

import java.util.List;

/**
 * Where a database stands against the migration set: what Flyway's history says was applied, what is pending,
 * what failed, and where the files no longer match the history (drift). The fields are DESIGN.md's
 * {@code status --json} contract.
 *
 * @param database     the database's URL without credentials
 * @param historyTable the runner's history table the status was read from
 * @param current      the version of the newest applied migration, or null on an empty history
 */
public record MigrationStatus(String environment, String database, String historyTable, String current,
                              List<Entry> applied, List<Entry> pending, List<Entry> failed, List<Drift> drift) {

    /** One migration: its version (null for a repeatable one), description, Flyway's script name. */
    public record Entry(String version, String description, String script, String installedOn,
                        Integer executionMillis) {
    }

    /** A history entry the files no longer match, and the command that settles it. */
    public record Drift(String version, String script, String problem, String fix) {
    }

    public boolean success() {
        return failed.isEmpty() && drift.isEmpty();
    }
}
