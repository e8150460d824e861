package dev.drydock.backup.restore;

import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.dump.D1Export;
import dev.drydock.backup.dump.DumpResult;
import dev.drydock.backup.dump.ExternalTool;
import dev.drydock.backup.dump.MariadbConnection;
import dev.drydock.backup.dump.MariadbInspector;
import dev.drydock.backup.dump.PostgresConnection;
import dev.drydock.backup.dump.PostgresInspector;
import dev.drydock.backup.dump.SqliteInspector;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Restores a dump where nothing else lives — a scratch database that is created here and always dropped, or a
 * SQLite file of its own — and describes what came out, so it can be compared with the manifest. Restore
 * verification and every restore rehearse here first.
 */
public final class ScratchRestore {

    private ScratchRestore() {
    }

    /** Opens the SQLite file, checks its integrity, and describes it; a file that is no database is an IOException. */
    public static DumpResult sqlite(Path file, Manifest manifest) throws IOException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
                String verdict = rows.next() ? rows.getString(1) : "no answer";
                if (!verdict.equals("ok")) {
                    throw new IOException("the restored SQLite database fails PRAGMA integrity_check: " + verdict);
                }
            }
            return SqliteInspector.describe(connection, manifest.database().name());
        } catch (SQLException e) {
            throw new IOException("the restored file is not a usable SQLite database: " + e.getMessage(), e);
        }
    }

    /** Loads a D1 export into a SQLite file of its own beside it, and describes that, as D1 is SQLite. */
    public static DumpResult d1(Path export, Manifest manifest) throws IOException {
        Path database = export.resolveSibling(export.getFileName() + ".sqlite");
        try {
            D1Export.loadInto(export, database);
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
                String history = manifest.migrationState() == null || manifest.migrationState().table() == null
                        ? "d1_migrations" : manifest.migrationState().table();
                return SqliteInspector.describe(connection, manifest.database().name(), "d1", history);
            } catch (SQLException e) {
                throw new IOException("the loaded D1 export is not a usable SQLite database: " + e.getMessage(), e);
            }
        } finally {
            Files.deleteIfExists(database);
        }
    }

    /**
     * The scratch database could not be made (no CREATEDB privilege, the server unreachable): that says nothing of
     * the backup, so it is never recorded as a failed verification.
     */
    public static final class Unavailable extends IOException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** pg_restore into a new database on {@code server}, described and then dropped. */
    public static DumpResult postgres(PostgresConnection server, Path dump, Manifest manifest) throws IOException {
        String name = scratchName();
        create(server::open, "CREATE DATABASE " + name, server);
        try {
            PostgresConnection scratch = server.withDatabase(name);
            ExternalTool.find("pg_restore").run(List.of("--no-owner", "--no-privileges", "--exit-on-error",
                    "--dbname=" + name, dump.toString()), scratch.toolEnvironment(), null, OutputStream.nullOutputStream());
            try (Connection connection = scratch.open()) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                DumpResult restored = PostgresInspector.describe(connection, manifest.database().name(), "pg_restore");
                connection.commit();
                return restored;
            } catch (SQLException e) {
                throw new IOException("cannot read the restored scratch database " + name + ": " + e.getMessage(), e);
            }
        } finally {
            execute(server::open, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", server);
        }
    }

    /** The mariadb client into a new database on {@code server}, described and then dropped. */
    public static DumpResult mariadb(MariadbConnection server, Path dump, Manifest manifest) throws IOException {
        String name = scratchName();
        MariadbConnection admin = server.withDatabase("");
        create(admin::open, "CREATE DATABASE " + name, server);
        try {
            load(server, name, dump);
            try (Connection connection = server.withDatabase(name).open()) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                DumpResult restored = MariadbInspector.describe(connection, name, "mariadb");
                connection.commit();
                return restored;
            } catch (SQLException e) {
                throw new IOException("cannot read the restored scratch database " + name + ": " + e.getMessage(), e);
            }
        } finally {
            execute(admin::open, "DROP DATABASE IF EXISTS " + name, server);
        }
    }

    /** Feeds a mariadb-dump file to the mariadb client, credentials through an option file only this user reads. */
    static void load(MariadbConnection server, String database, Path dump) throws IOException {
        Path workDir = Files.createTempDirectory("drydock-restore-");
        Path options = server.optionFile(workDir);
        try (InputStream in = Files.newInputStream(dump)) {
            ExternalTool.find("mariadb").run(List.of("--defaults-extra-file=" + options, database), Map.of(), in,
                    OutputStream.nullOutputStream());
        } finally {
            Files.deleteIfExists(options);
            Files.deleteIfExists(workDir);
        }
    }

    private static String scratchName() {
        return "drydock_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    interface Opener {
        Connection open() throws SQLException;
    }

    private static void create(Opener opener, String sql, Object server) throws Unavailable {
        try {
            execute(opener, sql, server);
        } catch (IOException e) {
            throw new Unavailable("cannot make a scratch database to restore into " + e.getMessage().substring(
                    "on ".length()) + "; give the user the right to create databases, or set verifyUrl in the"
                    + " environment's backup job to a server where it has it", e);
        }
    }

    static void execute(Opener opener, String sql, Object server) throws IOException {
        try (Connection connection = opener.open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IOException("on " + server + ": " + sql + " failed: " + e.getMessage(), e);
        }
    }
}
