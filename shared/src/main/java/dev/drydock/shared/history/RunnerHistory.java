package dev.drydock.shared.history;

import dev.drydock.shared.BadInputException;
import dev.drydock.shared.config.DatabaseEngine;
import dev.drydock.shared.migration.DrizzleLayout;
import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationSet;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A runner's own history table, created, read and written the way the runner itself does it, so that the team's
 * runner (or the application that migrates at start-up) and the migrator always agree on what was applied.
 * DESIGN.md's "The runner's own history" names the table of each layout; Flyway's own is kept by Flyway.
 */
public sealed interface RunnerHistory
        permits GolangMigrateHistory, DbmateHistory, DieselHistory, DrizzleHistory, LiquibaseHistory,
        WranglerHistory {

    /**
     * One row of the table: {@code version} is what identifies the migration there (the version as the runner stores
     * it; drizzle's {@code created_at}; Liquibase's {@code FILENAME::ID::AUTHOR}), {@code appliedAt} when it was
     * applied where the runner records it, {@code dirty} golang-migrate's flag.
     */
    record Row(String version, String appliedAt, boolean dirty) {
    }

    /** The runner, as users call it: {@code golang-migrate}, {@code dbmate}, {@code diesel}. */
    String runner();

    /** The table's name, as the runner creates it. */
    String table();

    /** The version the runner records for a migration. */
    String key(Migration migration);

    /** The rows, oldest first; none when the table does not exist yet. */
    List<Row> rows(Connection connection) throws SQLException;

    /** Whether {@code row} records this migration. */
    default boolean isRowOf(Row row, Migration migration) {
        return row.version().equals(key(migration));
    }

    /** Whether {@code rows} say the migration was applied, as the runner reads them. */
    default boolean isApplied(Migration migration, List<Row> rows) {
        return rows.stream().anyMatch(row -> isRowOf(row, migration) && !row.dirty());
    }

    /** Creates the table as the runner does, when it is missing. */
    void createTable(Connection connection) throws SQLException;

    /**
     * Records that a migration is about to run where nothing undoes a half-applied one (DDL that commits at once):
     * golang-migrate's dirty flag. Other runners record nothing until the migration is done.
     */
    default void recordStarted(Connection connection, Migration migration) throws SQLException {
    }

    /** Records the migration as applied; called on the migration's own connection, inside its transaction. */
    void recordApplied(Connection connection, Migration migration) throws SQLException;

    /**
     * Whether the runner goes on to the next migration when this one fails, leaving it unrecorded, so pending
     * (Liquibase's {@code failOnError:false}).
     */
    default boolean continuesAfterFailure(Migration migration) {
        return false;
    }

    /** Why the migrator cannot apply this migration as the runner would, if it cannot. */
    default Optional<String> cannotApply(Migration migration) {
        return Optional.empty();
    }

    /**
     * Records the migration as rolled back; {@code previous} is the applied migration before it, which becomes the
     * current one (golang-migrate keeps only that).
     */
    void recordRolledBack(Connection connection, Migration migration, Optional<Migration> previous)
            throws SQLException;

    /**
     * The history the set's layout's own runner keeps on {@code engine}; empty for Flyway's layouts (flyway,
     * custom), which Flyway keeps.
     */
    static Optional<RunnerHistory> ofLayout(MigrationSet set, DatabaseEngine engine) {
        return switch (set.layout().name()) {
            case "golang-migrate" -> Optional.of(new GolangMigrateHistory(engine));
            case "dbmate" -> Optional.of(new DbmateHistory(engine));
            case "diesel" -> Optional.of(new DieselHistory(engine));
            case "drizzle" -> Optional.of(new DrizzleHistory(engine, journal(set)));
            case "liquibase" -> Optional.of(LiquibaseHistory.of(engine, set));
            case "wrangler" -> Optional.of(new WranglerHistory(engine));
            default -> Optional.empty();
        };
    }

    private static Map<String, Long> journal(MigrationSet set) {
        try {
            return DrizzleLayout.whenByFile(set.dir());
        } catch (IOException e) {
            throw new BadInputException(set.dir() + ": " + e.getMessage());
        }
    }

    /**
     * The runner history found in a database, for a backup's manifest, which is taken without the migration files:
     * drizzle's, Liquibase's, wrangler's or diesel's table, else {@code schema_migrations} (golang-migrate's when it has a {@code dirty}
     * column, dbmate's otherwise).
     */
    static Optional<RunnerHistory> found(Connection connection, DatabaseEngine engine) throws SQLException {
        if (engine == DatabaseEngine.POSTGRESQL ? Tables.exists(connection, DrizzleHistory.SCHEMA, DrizzleHistory.TABLE)
                : Tables.exists(connection, DrizzleHistory.TABLE)) {
            return Optional.of(new DrizzleHistory(engine, Map.of()));
        }
        if (Tables.exists(connection, LiquibaseHistory.table(engine).table())) {
            return Optional.of(LiquibaseHistory.table(engine));
        }
        if (Tables.exists(connection, WranglerHistory.TABLE)) {
            return Optional.of(new WranglerHistory(engine));
        }
        if (Tables.exists(connection, DieselHistory.TABLE)) {
            return Optional.of(new DieselHistory(engine));
        }
        if (Tables.exists(connection, DbmateHistory.TABLE)) {
            return Optional.of(Tables.hasColumn(connection, GolangMigrateHistory.TABLE, "dirty")
                    ? new GolangMigrateHistory(engine) : new DbmateHistory(engine));
        }
        return Optional.empty();
    }
}
