package dev.drydock.migrator.history;

import dev.drydock.shared.config.DatabaseEngine;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.history.RunnerHistory;
import dev.drydock.shared.migration.MigrationSet;
import org.flywaydb.core.Flyway;

import java.util.Optional;
import javax.sql.DataSource;

/**
 * A JDBC database whose history the layout's own runner keeps (golang-migrate, dbmate, diesel), with
 * {@code migrations.history: native}, the default. Flyway's layouts, {@code history: flyway} and D1 keep theirs
 * elsewhere.
 */
public record RunnerDatabase(EnvironmentConfig environment, DatabaseEngine engine, RunnerHistory history,
                             DataSource dataSource) {

    public static Optional<RunnerDatabase> of(DrydockConfig config, MigrationSet set, EnvironmentConfig environment) {
        if (config.migrations().flywayHistory() || environment.isD1()) {
            return Optional.empty();
        }
        Optional<DatabaseEngine> engine = DatabaseEngine.of(environment.jdbcUrl());
        if (engine.isEmpty()) {
            return Optional.empty();
        }
        return RunnerHistory.ofLayout(set, engine.get()).map(history -> new RunnerDatabase(
                environment, engine.get(), history, Flyway.configure()
                .dataSource(environment.jdbcUrl(), environment.revealUser(), environment.revealPassword())
                .getDataSource()));
    }
}
