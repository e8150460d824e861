package dev.drydock.migrator.flyway;

import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.migration.MigrationSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Flyway set up for one environment and one discovered set: the apply engine and the keeper of the history. */
public final class FlywayEngine {

    /** Flyway's default history table, so a project that used Flyway before keeps its history. */
    public static final String HISTORY_TABLE = "flyway_schema_history";

    private FlywayEngine() {
    }

    public static Flyway forEnvironment(EnvironmentConfig environment, MigrationSet set) {
        return forEnvironment(environment, set, null);
    }

    /**
     * @param target    the version to stop after, or null for all
     * @param callbacks Flyway callbacks for the run (progress and the run report)
     */
    public static Flyway forEnvironment(EnvironmentConfig environment, MigrationSet set, String target,
                                        Callback... callbacks) {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(environment.jdbcUrl(), environment.user() == null ? null : environment.user().reveal(),
                        environment.password() == null ? null : environment.password().reveal())
                .resourceProvider(new DiscoveredScripts(set))
                .table(HISTORY_TABLE)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .outOfOrder(false)
                .loggers("slf4j");
        if (target != null) {
            configuration.target(target);
        }
        if (callbacks.length > 0) {
            configuration.callbacks(callbacks);
        }
        return configuration.load();
    }
}
