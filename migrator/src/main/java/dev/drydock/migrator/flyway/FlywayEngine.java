package dev.drydock.migrator.flyway;

import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.migration.MigrationSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Flyway set up for one environment and one discovered set: the apply engine and the keeper of the history. */
public final class FlywayEngine {

    /** Flyway's default history table, so a project that used Flyway before keeps its history. */
    public static final String HISTORY_TABLE = "flyway_schema_history";
    /** How long a run waits for another migrator's lock by default. */
    public static final int DEFAULT_LOCK_SECONDS = 60;

    private FlywayEngine() {
    }

    public static Flyway forEnvironment(EnvironmentConfig environment, MigrationSet set) {
        return configure(environment, set).load();
    }

    /**
     * The configuration commands add to (a target, callbacks) before they load it. Flyway retries its database
     * lock once a second, so the retry count is the wait in seconds.
     */
    public static FluentConfiguration configure(EnvironmentConfig environment, MigrationSet set) {
        return Flyway.configure()
                .dataSource(environment.jdbcUrl(), environment.revealUser(), environment.revealPassword())
                .resourceProvider(new DiscoveredScripts(set))
                .table(HISTORY_TABLE)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .outOfOrder(false)
                .lockRetryCount(DEFAULT_LOCK_SECONDS)
                .loggers("slf4j");
    }

    /** Whether Flyway gave up waiting for another migrator's database lock. */
    public static boolean isLockTimeout(Exception e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("lock") && (message.contains("retries") || message.contains("exceeded"));
    }
}
