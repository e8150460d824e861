package dev.drydock.shared.config;

import dev.drydock.shared.BadInputException;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A loaded {@code drydock.yaml}: one file for all three deployables. {@code file} is empty when the
 * commands run without a config file and take everything from their arguments.
 */
public record DrydockConfig(Optional<Path> file, MigrationsConfig migrations, ValidatorConfig validator,
                            Map<String, EnvironmentConfig> environments, BackupConfig backup) {

    public DrydockConfig {
        environments = Map.copyOf(environments);
    }

    /**
     * The environment a command works on: {@code given} (from {@code --env}) when there is one, else the config's
     * only environment; with several and none given, bad input naming them.
     */
    public String environmentName(String given) {
        if (given != null) {
            return given;
        }
        if (environments.size() == 1) {
            return environments.keySet().iterator().next();
        }
        String where = file.map(Path::toString).orElse("drydock.yaml");
        throw new BadInputException(environments.isEmpty()
                ? where + " has no environments: add one under environments: (see docs/config.md)"
                : "name the environment with --env: " + where + " has " + new TreeSet<>(environments.keySet()));
    }

}
