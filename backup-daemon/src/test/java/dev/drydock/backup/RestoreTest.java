package dev.drydock.backup;

import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Verification;
import dev.drydock.backup.catalog.Catalog;
import dev.drydock.backup.dump.ExternalTool;
import dev.drydock.backup.dump.PostgresConnection;
import dev.drydock.backup.dump.PostgresDumper;
import dev.drydock.backup.dump.SqliteDumper;
import dev.drydock.backup.restore.Restore;
import dev.drydock.backup.restore.RestoreRefused;
import dev.drydock.backup.restore.RestoreTarget;
import dev.drydock.backup.store.FileStore;
import dev.drydock.backup.verify.ScratchServers;
import dev.drydock.shared.BadInputException;
import dev.drydock.shared.testing.ScratchDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Restores into real SQLite files and PostgreSQL databases: identical data, and the guards that keep a restore from
 * ever leaving the target worse than it was — crafted, damaged and failed archives never reach it.
 */
class RestoreTest {

    @TempDir
    Path dir;

    @Test
    void sqliteRestoresIdenticalDataAndReplacesOnlyWithForceKeepingASafetyCopy() throws Exception {
        Path database = SqliteFixture.create(dir, 80);
        FileStore store = new FileStore(dir.resolve("backups"));
        BackupId id = new BackupRun(store, Clock.systemUTC(), line -> { }).take("dev", new SqliteDumper(database));
        Path target = dir.resolve("restored.db");
        restore(store, id, "jdbc:sqlite:" + target, false);
        for (String table : List.of("users", "notes", "flyway_schema_history")) {
            assertEquals(SqliteFixture.tableChecksum(database, table), SqliteFixture.tableChecksum(target, table), table);
        }
        BadInputException refused = assertThrows(BadInputException.class,
                () -> restore(store, id, "jdbc:sqlite:" + target, false));
        assertTrue(refused.getMessage().contains("--force"), refused.getMessage());

        Path otherFolder = Files.createDirectories(dir.resolve("other"));
        Path other = SqliteFixture.create(otherFolder, 3);
        String before = SqliteFixture.tableChecksum(other, "users");
        restore(store, id, "jdbc:sqlite:" + other, true);
        assertEquals(80, SqliteFixture.count(other, "users"));
        List<Path> copies = files(otherFolder, "app.db.before-restore-");
        assertEquals(1, copies.size(), "one safety copy beside the database: " + copies);
        assertEquals(before, SqliteFixture.tableChecksum(copies.get(0), "users"), "the copy holds what was replaced");
        assertEquals(List.of(), files(otherFolder, ".app.db.restoring"), "no staged file is left");
    }

    @Test
    void aDamagedBackupIsNeverRestored() throws Exception {
        Path database = SqliteFixture.create(dir, 80);
        FileStore store = new FileStore(dir.resolve("backups"));
        BackupId id = new BackupRun(store, Clock.systemUTC(), line -> { }).take("dev", new SqliteDumper(database));
        try (RandomAccessFile file = new RandomAccessFile(store.fetch(id).toFile(), "rw")) {
            file.seek(80);
            int b = file.read();
            file.seek(80);
            file.write(b ^ 0x10);
        }
        Path target = dir.resolve("restored.db");
        RestoreRefused e = assertThrows(RestoreRefused.class, () -> restore(store, id, "jdbc:sqlite:" + target, false));
        assertTrue(e.getMessage().contains("is damaged"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void anArchiveWhoseDumpIsNoDatabaseNeverReplacesTheLiveOne() throws Exception {
        Path live = SqliteFixture.create(dir, 50);
        FileStore store = new FileStore(dir.resolve("backups"));
        BackupId id = new BackupRun(store, Clock.systemUTC(), line -> { }).take("dev", new SqliteDumper(live));
        CraftedArchive.replaceDump(store, id, "this is not a SQLite database".getBytes(StandardCharsets.UTF_8), null);
        String before = SqliteFixture.tableChecksum(live, "users");

        RestoreRefused refused = assertThrows(RestoreRefused.class, () -> restore(store, id, "jdbc:sqlite:" + live, true));
        assertTrue(refused.getMessage().contains("does not restore") && refused.getMessage().contains("left as it is"),
                refused.getMessage());
        assertEquals(before, SqliteFixture.tableChecksum(live, "users"), "the live database is untouched");
        assertEquals(List.of("app.db", "backups"), names(dir), "no staged or safety file is left behind");
        assertEquals("failed", new Catalog(store).entries(Optional.of("dev")).get(0).status(),
                "the failed rehearsal is recorded, so the gates stop trusting the backup");

        RestoreRefused again = assertThrows(RestoreRefused.class, () -> restore(store, id, "jdbc:sqlite:" + live, true));
        assertTrue(again.getMessage().contains("failed its last verification")
                && again.getMessage().contains("--ignore-failed-verification"), again.getMessage());
        RestoreRefused overridden = assertThrows(RestoreRefused.class, () -> new Restore(store, Clock.systemUTC(), line -> { })
                .into(id, RestoreTarget.of("jdbc:sqlite:" + live, null, null), true, Optional.of("last one"), dir, ScratchServers.none()));
        assertTrue(overridden.getMessage().contains("does not restore"), "an override skips the record, never the"
                + " rehearsal: " + overridden.getMessage());
        assertEquals(before, SqliteFixture.tableChecksum(live, "users"));
    }

    @Test
    void aDumpThatDecompressesPastItsRecordedSizeIsCutOff() throws Exception {
        Path live = SqliteFixture.create(dir, 20);
        FileStore store = new FileStore(dir.resolve("backups"));
        BackupId id = new BackupRun(store, Clock.systemUTC(), line -> { }).take("dev", new SqliteDumper(live));
        CraftedArchive.replaceDump(store, id, new byte[64 << 20], 4096L);
        assertTrue(Files.size(store.fetch(id)) < 1 << 20, "64 MiB of zeros stored in under 1 MiB");

        RestoreRefused refused = assertThrows(RestoreRefused.class, () -> restore(store, id, "jdbc:sqlite:" + live, true));
        assertTrue(refused.getMessage().contains("decompresses to more than the 4096 bytes"), refused.getMessage());
        assertEquals(20, SqliteFixture.count(live, "users"));
        assertEquals(List.of("app.db", "backups"), names(dir), "nothing is left of the 64 MiB");
    }

    @Test
    void aBackupWhoseLastVerificationFailedIsRestoredOnlyWithAReason() throws Exception {
        Path database = SqliteFixture.create(dir, 30);
        FileStore store = new FileStore(dir.resolve("backups"));
        BackupId id = new BackupRun(store, Clock.systemUTC(), line -> { }).take("dev", new SqliteDumper(database));
        store.writeVerification(id, new Verification("restore", false, "2026-11-29T02:00:00Z",
                List.of("schema fingerprint"), List.of("the scratch server was down")));
        Path target = dir.resolve("restored.db");
        RestoreRefused refused = assertThrows(RestoreRefused.class, () -> restore(store, id, "jdbc:sqlite:" + target, false));
        assertTrue(refused.getMessage().contains("the scratch server was down"), refused.getMessage());
        assertFalse(Files.exists(target));

        new Restore(store, Clock.systemUTC(), line -> { }).into(id, RestoreTarget.of("jdbc:sqlite:" + target, null, null),
                false, Optional.of("the verification failed for want of a server"), dir, ScratchServers.none());
        assertEquals(30, SqliteFixture.count(target, "users"));
    }

    @Test
    void postgresRestoresExactlyTheBackupAndKeepsASafetyCopyOfWhatItReplaced() throws Exception {
        try (ScratchDatabases.Scratch source = ScratchDatabases.postgres();
             ScratchDatabases.Scratch target = ScratchDatabases.postgres()) {
            FileStore store = new FileStore(dir.resolve("backups"));
            BackupId id = backupOfItems(source, 500, store);
            restore(store, id, target.url(), false);
            assertEquals(checksum(source), checksum(target));
            try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
                statement.execute("delete from items where id > 10");
                statement.execute("create table made_later (id int)");
            }
            assertThrows(BadInputException.class, () -> restore(store, id, target.url(), false));
            restore(store, id, target.url(), true);
            assertEquals(checksum(source), checksum(target));
            assertEquals(List.of("items"), tables(target), "the table made after the backup is gone");

            List<Path> copies = files(dir, target.name() + ".before-restore-");
            assertEquals(1, copies.size(), copies.toString());
            ByteArrayOutputStream listing = new ByteArrayOutputStream();
            ExternalTool.find("pg_restore").run(List.of("--list", copies.get(0).toString()), Map.of(), null, listing);
            assertTrue(listing.toString(StandardCharsets.UTF_8).contains("TABLE public made_later"),
                    "the safety copy is a pg_restore archive of what was replaced");
        }
    }

    @Test
    void aPostgresTargetThatDoesNotExistIsCreated() throws Exception {
        try (ScratchDatabases.Scratch source = ScratchDatabases.postgres()) {
            FileStore store = new FileStore(dir.resolve("backups"));
            BackupId id = backupOfItems(source, 20, store);
            String name = source.name() + "_new";
            String url = "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres";
            try {
                restore(store, id, url, false);
                try (Connection connection = java.sql.DriverManager.getConnection(url);
                     Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("select count(*) from items")) {
                    rows.next();
                    assertEquals(20, rows.getLong(1));
                }
            } finally {
                try (Connection admin = java.sql.DriverManager.getConnection(ScratchDatabases.POSTGRES_ADMIN_URL);
                     Statement statement = admin.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
        }
    }

    @Test
    void aPostgresArchiveThatDoesNotRestoreLeavesTheTargetAsItWas() throws Exception {
        try (ScratchDatabases.Scratch source = ScratchDatabases.postgres();
             ScratchDatabases.Scratch target = ScratchDatabases.postgres()) {
            FileStore store = new FileStore(dir.resolve("backups"));
            BackupId id = backupOfItems(source, 50, store);
            restore(store, id, target.url(), false);
            try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
                statement.execute("insert into items values (51, 'written after the restore')");
            }
            String live = checksum(target);
            CraftedArchive.replaceDump(store, id, "PGDMP this is no custom-format archive".getBytes(StandardCharsets.UTF_8), null);
            assertThrows(RestoreRefused.class, () -> restore(store, id, target.url(), true));
            assertEquals(live, checksum(target));
            assertEquals(List.of(), files(dir, target.name() + ".before-restore-"), "no safety copy was needed");
            try (Connection admin = java.sql.DriverManager.getConnection(ScratchDatabases.POSTGRES_ADMIN_URL);
                 Statement statement = admin.createStatement();
                 ResultSet rows = statement.executeQuery("select count(*) from pg_database where datname like 'drydock_restore_%'")) {
                rows.next();
                assertEquals(0, rows.getLong(1), "the scratch database was dropped");
            }
        }
    }

    /** A PostgreSQL backup of {@code source} holding one table, {@code items}, with that many rows. */
    private static BackupId backupOfItems(ScratchDatabases.Scratch source, int rows, FileStore store) throws Exception {
        try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table items (id int primary key, name text)");
            statement.execute("insert into items select i, 'item ' || i from generate_series(1, " + rows + ") i");
        }
        return new BackupRun(store, Clock.systemUTC(), line -> { })
                .take("staging", new PostgresDumper(PostgresConnection.of(source.url(), null, null)));
    }

    private static void restore(FileStore store, BackupId id, String url, boolean force) throws IOException {
        new Restore(store, Clock.systemUTC(), line -> { }).into(id, RestoreTarget.of(url, null, null), force,
                Optional.empty(), store.fetch(id).getParent().getParent(), ScratchServers.none());
    }

    private static List<Path> files(Path folder, String prefix) throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.filter(path -> path.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> tables(ScratchDatabases.Scratch database) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select tablename from pg_tables where schemaname = 'public' order by 1")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private static String checksum(ScratchDatabases.Scratch database) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) || ':' || md5(string_agg(i::text, ',' order by i.id)) from items i")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
