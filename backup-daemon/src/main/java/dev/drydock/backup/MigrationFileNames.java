package dev.drydock.backup;

import dev.drydock.backup.archive.Manifest;
import dev.drydock.shared.BadInputException;
import dev.drydock.shared.config.DatabaseEngine;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.history.RunnerHistory;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Names, in a backup's manifest, the migration file each row of a runner's own history records (its
 * {@code description}), where the migrations folder of drydock.yaml is at hand: the runners' tables hold versions,
 * not file names. Without the folder (a daemon on another host) the rows stay as the table has them.
 */
final class MigrationFileNames implements UnaryOperator<Manifest.MigrationState> {

    private final MigrationSet set;
    private final RunnerHistory history;

    private MigrationFileNames(MigrationSet set, RunnerHistory history) {
        this.set = set;
        this.history = history;
    }

    static UnaryOperator<Manifest.MigrationState> of(DrydockConfig config, EnvironmentConfig environment) {
        Optional<DatabaseEngine> engine = DatabaseEngine.of(environment.jdbcUrl());
        if (config.migrations().flywayHistory() || environment.isD1() || engine.isEmpty()) {
            return UnaryOperator.identity();
        }
        try {
            MigrationSet set = new MigrationDiscovery(Path.of("")).discover(config.migrations());
            return RunnerHistory.ofLayout(set, engine.get())
                    .<UnaryOperator<Manifest.MigrationState>>map(history -> new MigrationFileNames(set, history))
                    .orElse(UnaryOperator.identity());
        } catch (BadInputException noFolder) {
            return UnaryOperator.identity();
        }
    }

    @Override
    public Manifest.MigrationState apply(Manifest.MigrationState state) {
        if (state == null || !history.table().equals(state.table())) {
            return state;
        }
        List<Manifest.AppliedMigration> named = new ArrayList<>();
        for (Manifest.AppliedMigration row : state.applied()) {
            RunnerHistory.Row asRead = new RunnerHistory.Row(row.version(), row.installedOn(), !row.success());
            String file = set.migrations().stream().filter(migration -> history.isRowOf(asRead, migration))
                    .findFirst().map(set::fileName).orElse(row.description());
            named.add(new Manifest.AppliedMigration(row.version(), file, row.checksum(), row.installedOn(),
                    row.success()));
        }
        return new Manifest.MigrationState(state.table(), named);
    }
}
