package dev.drydock.backup.restore;

import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.dump.DumpResult;
import dev.drydock.backup.dump.MariadbConnection;
import dev.drydock.backup.dump.PostgresConnection;
import dev.drydock.backup.verify.ScratchServers;
import dev.drydock.shared.BadInputException;
import dev.drydock.shared.config.DatabaseEngine;
import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.d1.D1Environment;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The database a restore writes into, one kind per engine. A restore never writes here until the dump has been
 * restored somewhere else and matched its manifest ({@link #rehearse}); {@link #replace} then swaps the rehearsed
 * content in as one step where the engine allows it.
 */
public sealed interface RestoreTarget permits SqliteTarget, PostgresTarget, MariadbTarget, D1Target {

    /** The target for a JDBC URL; the password travels separately so that it never lands in a message. */
    static RestoreTarget of(String jdbcUrl, String user, String password) {
        if (DatabaseEngine.SQLITE.matches(jdbcUrl)) {
            return new SqliteTarget(Path.of(jdbcUrl.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", ""))
                    .toAbsolutePath());
        }
        if (DatabaseEngine.POSTGRESQL.matches(jdbcUrl)) {
            return new PostgresTarget(PostgresConnection.of(jdbcUrl, user, password));
        }
        if (DatabaseEngine.MARIADB.matches(jdbcUrl)) {
            return new MariadbTarget(MariadbConnection.of(jdbcUrl, user, password));
        }
        throw new BadInputException("cannot restore into this URL: use jdbc:sqlite:FILE, jdbc:postgresql://HOST/DB"
                + " or jdbc:mariadb://HOST/DB");
    }

    /** A Cloudflare D1 environment's database, reached through wrangler. */
    static RestoreTarget of(EnvironmentConfig d1Environment) {
        return new D1Target(D1Environment.of(d1Environment));
    }

    /** The engine name as manifests have it. */
    String engine();

    /** What {@link #tables} says of a target that exists but cannot be read, such as a damaged SQLite file. */
    long UNREADABLE = -1;

    /** How many tables the target holds now: 0 when it does not exist yet, {@link #UNREADABLE} when it is damaged. */
    long tables() throws IOException;

    /**
     * Restores {@code dump} into a scratch copy next to the target (a file beside it; a database on the scratch server
     * configured for the environment, else on the target's own server) and returns what the copy holds; the target
     * itself is not touched.
     */
    Rehearsal rehearse(Path dump, Manifest manifest, Path workDir, ScratchServers scratchServers) throws IOException;

    /** Copies what the target holds now into {@code folder} (or beside a SQLite file) and returns where. */
    Path safetyCopy(Path folder, String stamp) throws IOException;

    /** Replaces the whole content of the target with the rehearsed dump. */
    void replace(Rehearsal rehearsal, Path workDir) throws IOException;

    /** A rehearsed restore: what it holds, and for SQLite the file that will take the target's place. */
    record Rehearsal(Path dump, DumpResult restored, Path stagedFile) {
    }
}
