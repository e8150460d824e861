package dev.drydock.backup.cli;

import dev.drydock.backup.dump.Dumper;
import dev.drydock.backup.dump.SqliteDumper;
import dev.drydock.backup.store.BackupStore;
import dev.drydock.backup.store.FileStore;
import dev.drydock.shared.BadInputException;
import dev.drydock.shared.config.ConfigException;
import dev.drydock.shared.config.ConfigLoader;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.config.EnvironmentConfig;

import java.nio.file.Path;

/** What the commands take from {@code drydock.yaml}: the store and, per environment, the dumper. */
record BackupSetup(DrydockConfig config, Path configFile) {

    static BackupSetup load(Path configOption) {
        Path working = Path.of("").toAbsolutePath();
        DrydockConfig config = configOption != null ? ConfigLoader.load(working.resolve(configOption))
                : ConfigLoader.loadDefault(working).orElseThrow(() -> new BadInputException("no drydock.yaml in "
                + working + "; pass --config FILE (ops/drydock.example.yaml shows one)"));
        return new BackupSetup(config, config.file().orElseThrow());
    }

    BackupStore store() {
        String store = config.backup().store();
        if (store.startsWith("file:")) {
            return new FileStore(configFile.getParent().resolve(store.substring("file:".length())).normalize());
        }
        throw new ConfigException(configFile, "backup.store", null, "S3 stores are not built yet; use file:./backups");
    }

    Dumper dumper(String environment) {
        EnvironmentConfig env = config.environments().get(environment);
        if (env == null) {
            throw new ConfigException(configFile, "environments", null, "no environment '" + environment
                    + "'; known: " + String.join(", ", config.environments().keySet()));
        }
        String url = env.url();
        if (url.startsWith("jdbc:sqlite:")) {
            Path database = Path.of(url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", ""));
            return new SqliteDumper(configFile.getParent().resolve(database).normalize());
        }
        throw new ConfigException(configFile, "environments." + environment + ".url", null,
                "only SQLite environments can be backed up so far; the pg_dump and mariadb-dump dumpers are not built yet");
    }
}
