package dev.drydock.shared.config;

import dev.drydock.shared.sql.DialectTarget;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded {@code drydock.yaml}: one file for all three deployables. {@code file} is empty when the
 * commands run without a config file and take everything from their arguments.
 */
public record DrydockConfig(Optional<Path> file, MigrationsConfig migrations, ValidatorConfig validator,
                            Map<String, EnvironmentConfig> environments, BackupConfig backup) {

    public DrydockConfig {
        environments = Map.copyOf(environments);
    }

    /** The configuration of a run without a config file: migrations in {@code dir}, layout detected. */
    public static DrydockConfig withoutFile(Path dir, List<DialectTarget> dialects) {
        MigrationsConfig migrations = new MigrationsConfig(dir, "auto", null, null, dialects, true);
        return new DrydockConfig(Optional.empty(), migrations, ValidatorConfig.defaults(), Map.of(),
                BackupConfig.defaults());
    }
}
