package dev.drydock.backup.verify;

import com.github.luben.zstd.ZstdInputStream;
import dev.drydock.backup.archive.ArchiveReader;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.archive.Verification;
import dev.drydock.backup.dump.DumpResult;
import dev.drydock.backup.dump.ExternalTool;
import dev.drydock.backup.dump.MariadbConnection;
import dev.drydock.backup.dump.MariadbInspector;
import dev.drydock.backup.dump.PostgresConnection;
import dev.drydock.backup.dump.PostgresInspector;
import dev.drydock.backup.dump.SqliteInspector;
import dev.drydock.backup.store.BackupStore;
import dev.drydock.shared.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The {@code restore} level: checksums first, then a restore into a scratch database that this verifier
 * creates and always drops (a temporary file for SQLite; a database on {@code scratchServer} for PostgreSQL),
 * then the restored schema fingerprint, table list and row counts compared with the manifest.
 */
public final class RestoreVerifier {

    public static final String LEVEL = "restore";

    private final BackupStore store;
    private final Clock clock;
    private final ScratchServers scratchServers;

    public RestoreVerifier(BackupStore store, Clock clock, ScratchServers scratchServers) {
        this.store = store;
        this.clock = clock;
        this.scratchServers = scratchServers;
    }

    public Verification verify(BackupId id) throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> compared = new ArrayList<>();
        try (ArchiveReader reader = new ArchiveReader(store.fetch(id))) {
            problems.addAll(reader.checksumProblems());
            compared.add("size and sha256 of every entry");
            if (problems.isEmpty()) {
                Manifest manifest = reader.manifest();
                DumpResult restored = restore(reader, manifest);
                compared.add("schema fingerprint");
                compared.add(manifest.tables().size() + " tables and their row counts");
                problems.addAll(differences(manifest, restored));
            }
        } catch (SQLException | IOException e) {
            problems.add("the restore failed: " + e.getMessage());
        }
        Verification verification = new Verification(LEVEL, problems.isEmpty(), clock.instant().toString(), compared, problems);
        store.writeVerification(id, verification);
        return verification;
    }

    private DumpResult restore(ArchiveReader reader, Manifest manifest) throws IOException, SQLException {
        String entry = manifest.entries().stream().map(Manifest.Entry::path).filter(p -> p.startsWith("dump/"))
                .findFirst().orElseThrow(() -> new IOException("the manifest lists no dump entry"));
        return switch (manifest.database().engine()) {
            case "sqlite" -> restoreSqlite(reader, entry, manifest);
            case "postgresql" -> restorePostgres(reader, entry, manifest);
            case "mariadb" -> restoreMariadb(reader, entry, manifest);
            default -> throw new IOException("no restore for engine " + manifest.database().engine() + " yet");
        };
    }

    private static DumpResult restoreSqlite(ArchiveReader reader, String entry, Manifest manifest)
            throws IOException, SQLException {
        Path scratch = Files.createTempFile("drydock-verify-", ".sqlite");
        try {
            try (InputStream in = new ZstdInputStream(reader.open(entry)); OutputStream out = Files.newOutputStream(scratch)) {
                in.transferTo(out);
            }
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + scratch)) {
                return SqliteInspector.describe(connection, manifest.database().name());
            }
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    private DumpResult restorePostgres(ArchiveReader reader, String entry, Manifest manifest)
            throws IOException, SQLException {
        PostgresConnection server = scratchServers.postgres().orElseThrow(() -> new BadInputException("a restore verification of a"
                + " PostgreSQL backup needs a server for its scratch database: set verifyUrl in the backup job"));
        String name = "drydock_verify_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = server.open(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        try {
            PostgresConnection scratch = server.withDatabase(name);
            try (InputStream in = new ZstdInputStream(reader.open(entry))) {
                ExternalTool.find("pg_restore").run(List.of("--no-owner", "--no-privileges", "--exit-on-error",
                        "--dbname=" + name), scratch.toolEnvironment(), in, OutputStream.nullOutputStream());
            }
            try (Connection connection = scratch.open()) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                DumpResult restored = PostgresInspector.describe(connection, manifest.database().name(), "pg_restore");
                connection.commit();
                return restored;
            }
        } finally {
            try (Connection admin = server.open(); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private DumpResult restoreMariadb(ArchiveReader reader, String entry, Manifest manifest) throws IOException, SQLException {
        MariadbConnection server = scratchServers.mariadb().orElseThrow(() -> new BadInputException("a restore verification"
                + " of a MariaDB backup needs a server for its scratch database: set verifyUrl in the backup job"));
        String name = "drydock_verify_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = server.withDatabase("").open(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        Path workDir = Files.createTempDirectory("drydock-verify-");
        Path options = server.optionFile(workDir);
        try {
            try (InputStream in = new ZstdInputStream(reader.open(entry))) {
                ExternalTool.find("mariadb").run(List.of("--defaults-extra-file=" + options, name), Map.of(), in,
                        OutputStream.nullOutputStream());
            }
            try (Connection connection = server.withDatabase(name).open()) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                DumpResult restored = MariadbInspector.describe(connection, name, "mariadb");
                connection.commit();
                return restored;
            }
        } finally {
            Files.deleteIfExists(options);
            Files.deleteIfExists(workDir);
            try (Connection admin = server.withDatabase("").open(); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    private static List<String> differences(Manifest manifest, DumpResult restored) {
        List<String> problems = new ArrayList<>();
        if (!manifest.schemaFingerprint().equals(restored.schemaFingerprint())) {
            problems.add("schema fingerprint " + restored.schemaFingerprint() + " after the restore, "
                    + manifest.schemaFingerprint() + " in the manifest");
        }
        Map<String, Manifest.TableStats> want = manifest.tables();
        Map<String, Manifest.TableStats> got = restored.tables();
        for (String table : new TreeSet<>(want.keySet())) {
            if (!got.containsKey(table)) {
                problems.add("table " + table + " is missing after the restore");
            } else if (got.get(table).rows() != want.get(table).rows()) {
                problems.add("table " + table + " has " + got.get(table).rows() + " rows after the restore, "
                        + want.get(table).rows() + " in the manifest");
            }
        }
        for (String table : new TreeSet<>(got.keySet())) {
            if (!want.containsKey(table)) {
                problems.add("table " + table + " appears after the restore but is not in the manifest");
            }
        }
        return problems;
    }
}
