package dev.drydock.shared.config;

import java.nio.file.Path;
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

}
