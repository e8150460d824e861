package dev.drydock.backup;

import com.github.luben.zstd.ZstdInputStream;
import dev.drydock.backup.archive.ArchiveReader;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.archive.Verification;
import dev.drydock.backup.catalog.Catalog;
import dev.drydock.backup.dump.SqliteDumper;
import dev.drydock.backup.store.FileStore;
import dev.drydock.backup.verify.ChecksumVerifier;
import dev.drydock.backup.verify.RestoreVerifier;
import dev.drydock.backup.verify.ScratchServers;
import dev.drydock.shared.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backups of a real SQLite database into a file store: publish, manifest, verify, and what failure leaves. */
class BackupRunTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC);

    private FileStore store() {
        return new FileStore(dir.resolve("backups"));
    }

    @Test
    void publishesAnArchiveWithAManifestThatDescribesTheDump() throws Exception {
        Path database = SqliteFixture.create(dir, 500);
        List<String> progress = new ArrayList<>();
        BackupId id = new BackupRun(store(), clock, progress::add).take("production", new SqliteDumper(database));

        assertEquals("backup-production-2026-11-22-020000", id.value());
        Path archive = dir.resolve("backups/backup-production-2026-11-22-020000.zip");
        assertTrue(Files.isRegularFile(archive));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(archive)));
        assertEquals(List.of(id), store().list());
        assertEquals(2, progress.size());
        try (ArchiveReader reader = new ArchiveReader(archive)) {
            Manifest manifest = reader.manifest();
            assertEquals(Manifest.FORMAT, manifest.format());
            assertEquals("production", manifest.environment());
            assertEquals("sqlite", manifest.database().engine());
            assertEquals("flyway_schema_history", manifest.migrationState().table());
            assertEquals(List.of("1", "2"), manifest.migrationState().applied().stream().map(Manifest.AppliedMigration::version).toList());
            assertEquals(500, manifest.tables().get("main.users").rows());
            assertEquals(500, manifest.tables().get("main.notes").rows());
            assertTrue(manifest.schemaFingerprint().startsWith("sha256:"));
            assertEquals(List.of("dump/app.sqlite.zst"), manifest.entries().stream().map(Manifest.Entry::path).toList());
            assertEquals(List.of(), reader.checksumProblems());

            Path restored = dir.resolve("restored.db");
            try (InputStream in = new ZstdInputStream(reader.open("dump/app.sqlite.zst"))) {
                Files.copy(in, restored);
            }
            for (String table : List.of("users", "notes", "flyway_schema_history")) {
                assertEquals(SqliteFixture.tableChecksum(database, table), SqliteFixture.tableChecksum(restored, table), table);
            }
        }
    }

    @Test
    void theSnapshotIsConsistentWhileWritersAreActive() throws Exception {
        Path database = SqliteFixture.create(dir, 200);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong inserted = new AtomicLong();
        Thread writer = new Thread(() -> {
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database + "?busy_timeout=5000");
                 Statement statement = connection.createStatement()) {
                while (writing.get()) {
                    statement.executeUpdate("insert into users (email) values ('late@example.com')");
                    inserted.incrementAndGet();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        while (inserted.get() < 50) {
            Thread.onSpinWait();
        }
        BackupId id = new BackupRun(store(), clock, line -> { }).take("dev", new SqliteDumper(database));
        writing.set(false);
        writer.join();
        try (ArchiveReader reader = new ArchiveReader(store().fetch(id))) {
            Path restored = dir.resolve("restored.db");
            try (InputStream in = new ZstdInputStream(reader.open("dump/app.sqlite.zst"))) {
                Files.copy(in, restored);
            }
            long rows = SqliteFixture.count(restored, "users");
            assertEquals(rows, reader.manifest().tables().get("main.users").rows(), "the manifest describes the dump");
            assertTrue(rows >= 250 && rows <= 200 + inserted.get(), "rows " + rows);
        }
    }

    /** Ids are stamped to the second: the second backup within one second waits for the next, and both stay. */
    @Test
    void twoBackupsInOneSecondGetTwoIdsAndNeitherReplacesTheOther() throws Exception {
        Path database = SqliteFixture.create(dir, 20);
        Clock startOfASecond = Clock.offset(Clock.systemUTC(),
                Duration.ofNanos(-Clock.systemUTC().instant().getNano()));
        BackupRun run = new BackupRun(store(), startOfASecond, line -> { });
        BackupId first = run.take("dev", new SqliteDumper(database));
        BackupId second = run.take("dev", new SqliteDumper(database));
        assertEquals(List.of(first, second), store().list());
        assertTrue(second.startedAt().isAfter(first.startedAt()), first + " then " + second);

        IOException stuck = assertThrows(IOException.class,
                () -> new BackupRun(store(), Clock.fixed(first.startedAt(), ZoneOffset.UTC), line -> { })
                        .take("dev", new SqliteDumper(database)));
        assertTrue(stuck.getMessage().contains("is taken"), stuck.getMessage());
        assertEquals(List.of(first, second), store().list(), "a clock that stands still replaces nothing");
    }

    @Test
    void aFailedDumpLeavesNothingBehind() throws Exception {
        FileStore store = store();
        BadInputException e = assertThrows(BadInputException.class,
                () -> new BackupRun(store, clock, line -> { }).take("dev", new SqliteDumper(dir.resolve("missing.db"))));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("missing.db")), "no empty database was created in its place");
        assertEquals(List.of(), store.list());
        try (var files = Files.list(dir.resolve("backups"))) {
            assertEquals(List.of(), files.toList(), "no partial archive is left");
        }
    }

    @Test
    void aPartialArchiveFromACrashIsNeverListedAndIsCleanedUp() throws Exception {
        FileStore store = store();
        BackupId id = new BackupId("dev", Instant.parse("2026-11-21T02:00:00Z"));
        Files.writeString(store.partialFile(id), "half an archive");
        assertEquals(List.of(), store.list());
        assertEquals(List.of(".backup-dev-2026-11-21-020000.zip.partial"), store.removeAbandoned());
        assertEquals(List.of(), store.removeAbandoned());
    }

    @Test
    void oneCorruptedByteFailsVerificationAndIsNeverShownAsVerified() throws Exception {
        Path database = SqliteFixture.create(dir, 300);
        FileStore store = store();
        BackupId id = new BackupRun(store, clock, line -> { }).take("dev", new SqliteDumper(database));
        ChecksumVerifier verifier = new ChecksumVerifier(store, clock);
        assertTrue(verifier.verify(id).passed());
        assertEquals("verified", new Catalog(store).entries(Optional.empty()).get(0).status());

        Path archive = store.fetch(id);
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            file.seek(100); // inside the dump entry's data
            int b = file.read();
            file.seek(100);
            file.write(b ^ 0xFF);
        }
        Verification failed = verifier.verify(id);
        assertFalse(failed.passed());
        assertTrue(failed.problems().get(0).startsWith("dump/app.sqlite.zst: sha256 "), failed.problems().toString());
        assertEquals("failed", new Catalog(store).entries(Optional.empty()).get(0).status());
        assertEquals(failed, store.verification(id).orElseThrow());
    }

    @Test
    void restoreVerificationComparesTheRestoredCopyWithTheManifest() throws Exception {
        Path database = SqliteFixture.create(dir, 120);
        FileStore store = store();
        BackupId id = new BackupRun(store, clock, line -> { }).take("dev", new SqliteDumper(database));
        Verification verification = new RestoreVerifier(store, clock, ScratchServers.none()).verify(id);
        assertTrue(verification.passed(), verification.problems().toString());
        assertEquals(List.of("size and sha256 of every entry", "schema fingerprint", "3 tables and their row counts"),
                verification.compared());
        assertEquals(verification, store.verification(id).orElseThrow());
    }

    @Test
    void theCatalogFiltersByEnvironmentAndOrdersByTime() throws Exception {
        Path database = SqliteFixture.create(dir, 10);
        FileStore store = store();
        new BackupRun(store, Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC), l -> { })
                .take("production", new SqliteDumper(database));
        new BackupRun(store, Clock.fixed(Instant.parse("2026-11-21T02:00:00Z"), ZoneOffset.UTC), l -> { })
                .take("production", new SqliteDumper(database));
        new BackupRun(store, Clock.fixed(Instant.parse("2026-11-21T03:00:00Z"), ZoneOffset.UTC), l -> { })
                .take("dev-eu", new SqliteDumper(database));
        List<Catalog.Entry> production = new Catalog(store).entries(Optional.of("production"));
        assertEquals(List.of("backup-production-2026-11-21-020000", "backup-production-2026-11-22-020000"),
                production.stream().map(e -> e.id().value()).toList());
        assertEquals("unverified", production.get(0).status());
        assertEquals(3, new Catalog(store).entries(Optional.empty()).size());
        assertEquals("dev-eu", BackupId.parse("backup-dev-eu-2026-11-21-030000.zip").orElseThrow().environment());
    }
}
