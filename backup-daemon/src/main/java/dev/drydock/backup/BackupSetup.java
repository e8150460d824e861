package dev.drydock.backup;

import dev.drydock.backup.dump.D1Dumper;
import dev.drydock.backup.dump.Dumper;
import dev.drydock.backup.dump.MariadbConnection;
import dev.drydock.backup.dump.MariadbDumper;
import dev.drydock.backup.dump.PostgresConnection;
import dev.drydock.backup.dump.PostgresDumper;
import dev.drydock.backup.dump.SqliteDumper;
import dev.drydock.backup.store.BackupStore;
import dev.drydock.backup.store.FileStore;
import dev.drydock.backup.store.S3Clients;
import dev.drydock.backup.verify.ScratchServers;
import dev.drydock.shared.BadInputException;
import dev.drydock.shared.config.ConfigException;
import dev.drydock.shared.config.ConfigLoader;
import dev.drydock.shared.config.DatabaseEngine;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.d1.D1Environment;

import java.nio.file.Path;
import java.util.Optional;

/** What the commands and the daemon take from {@code drydock.yaml}: the store and, per environment, the dumper. */
public record BackupSetup(DrydockConfig config, Path configFile) {

    public static BackupSetup load(Path configOption) {
        Path working = Path.of("").toAbsolutePath();
        DrydockConfig config = configOption != null ? ConfigLoader.load(working.resolve(configOption))
                : ConfigLoader.loadDefault(working).orElseThrow(() -> new BadInputException("no drydock.yaml in "
                + working + "; pass --config FILE (ops/drydock.example.yaml shows one)"));
        return new BackupSetup(config, config.file().orElseThrow());
    }

    public BackupStore store() {
        String store = config.backup().store();
        if (store.startsWith("file:")) {
            return new FileStore(configFile.getParent().resolve(store.substring("file:".length())).normalize());
        }
        return S3Clients.store(store, config.backup().s3(), configFile.getParent().resolve(".drydock-cache"));
    }

    public Dumper dumper(String environment) {
        EnvironmentConfig env = config.environments().get(environment);
        if (env == null) {
            throw new ConfigException(configFile, "environments", null, "no environment '" + environment
                    + "'; known: " + String.join(", ", config.environments().keySet()));
        }
        if (env.isD1()) {
            return new D1Dumper(D1Environment.of(env));
        }
        String url = env.url();
        if (DatabaseEngine.SQLITE.matches(url)) {
            Path database = Path.of(url.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", ""));
            return new SqliteDumper(configFile.getParent().resolve(database).normalize());
        }
        if (DatabaseEngine.POSTGRESQL.matches(url)) {
            return new PostgresDumper(postgres(url, env));
        }
        if (DatabaseEngine.MARIADB.matches(url)) {
            return new MariadbDumper(mariadb(url, env));
        }
        throw new ConfigException(configFile, "environments." + environment + ".url", null,
                "no dumper for this URL; use one of " + String.join(", ", DatabaseEngine.urlPrefixes())
                        + " or d1:<database>");
    }

    /** Where restore verifications of {@code environment}'s backups create their scratch databases. */
    public ScratchServers scratchServers(String environment) {
        return new ScratchServers(scratchServer(environment), mariadbScratchServer(environment));
    }

    private Optional<MariadbConnection> mariadbScratchServer(String environment) {
        EnvironmentConfig env = config.environments().get(environment);
        if (env == null || !DatabaseEngine.MARIADB.matches(env.url())) {
            return Optional.empty();
        }
        Optional<String> verifyUrl = config.backup().jobs().stream()
                .filter(job -> job.environment().equals(environment) && job.verifyUrl() != null)
                .map(job -> job.verifyUrl()).findFirst();
        return Optional.of(verifyUrl.map(url -> namesUser(url) ? MariadbConnection.of(url, null, null) : mariadb(url, env))
                .orElseGet(() -> mariadb(env.url(), env).withDatabase("")));
    }

    private static MariadbConnection mariadb(String url, EnvironmentConfig env) {
        return MariadbConnection.of(url, env.user() == null ? null : env.user().reveal(),
                env.password() == null ? null : env.password().reveal());
    }

    /**
     * Where restore verifications (and restore rehearsals) of {@code environment} create their scratch database: the
     * verifyUrl of its backup job, else the maintenance database of its own server.
     */
    private Optional<PostgresConnection> scratchServer(String environment) {
        EnvironmentConfig env = config.environments().get(environment);
        if (env == null || !DatabaseEngine.POSTGRESQL.matches(env.url())) {
            return Optional.empty();
        }
        Optional<String> verifyUrl = config.backup().jobs().stream()
                .filter(job -> job.environment().equals(environment) && job.verifyUrl() != null)
                .map(job -> job.verifyUrl()).findFirst();
        return Optional.of(verifyUrl.map(url -> namesUser(url) ? PostgresConnection.of(url, null, null) : postgres(url, env))
                .orElseGet(() -> postgres(env.url(), env).withDatabase("postgres")));
    }

    /** A verifyUrl that names its own user logs in as that user (one allowed to create databases), not the environment's. */
    private static boolean namesUser(String url) {
        return url.matches(".*[?&;]user=.*");
    }

    private static PostgresConnection postgres(String url, EnvironmentConfig env) {
        return PostgresConnection.of(url, env.user() == null ? null : env.user().reveal(),
                env.password() == null ? null : env.password().reveal());
    }
}
