package dev.drydock.backup;

import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.dump.PostgresConnection;
import dev.drydock.backup.dump.PostgresDumper;
import dev.drydock.backup.dump.SqliteDumper;
import dev.drydock.backup.restore.Restore;
import dev.drydock.backup.store.FileStore;
import dev.drydock.shared.BadInputException;
import dev.drydock.shared.testing.ScratchDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Restores into real SQLite files and PostgreSQL databases: identical data, and the guards around it. */
class RestoreTest {

    @TempDir
    Path dir;

    @Test
    void sqliteRestoresIdenticalDataAndRefusesANonEmptyTargetWithoutForce() throws Exception {
        Path database = SqliteFixture.create(dir, 80);
        FileStore store = new FileStore(dir.resolve("backups"));
        BackupId id = new BackupRun(store, Clock.systemUTC(), line -> { }).take("dev", new SqliteDumper(database));
        Restore restore = new Restore(store, line -> { });
        Path target = dir.resolve("restored.db");
        restore.into(id, "jdbc:sqlite:" + target, null, null, false);
        for (String table : List.of("users", "notes", "flyway_schema_history")) {
            assertEquals(SqliteFixture.tableChecksum(database, table), SqliteFixture.tableChecksum(target, table), table);
        }
        BadInputException refused = assertThrows(BadInputException.class,
                () -> restore.into(id, "jdbc:sqlite:" + target, null, null, false));
        assertTrue(refused.getMessage().contains("--force"), refused.getMessage());
        Path other = SqliteFixture.create(Files.createDirectories(dir.resolve("other")), 3);
        restore.into(id, "jdbc:sqlite:" + other, null, null, true);
        assertEquals(80, SqliteFixture.count(other, "users"));
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
        IOException e = assertThrows(IOException.class,
                () -> new Restore(store, line -> { }).into(id, "jdbc:sqlite:" + target, null, null, false));
        assertTrue(e.getMessage().contains("is damaged"), e.getMessage());
        assertTrue(!target.toFile().exists());
    }

    @Test
    void postgresRestoresIdenticalDataAndReplacesOnlyWithForce() throws Exception {
        try (ScratchDatabases.Scratch source = ScratchDatabases.postgres();
             ScratchDatabases.Scratch target = ScratchDatabases.postgres()) {
            try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
                statement.execute("create table items (id int primary key, name text)");
                statement.execute("insert into items select i, 'item ' || i from generate_series(1, 500) i");
            }
            FileStore store = new FileStore(dir.resolve("backups"));
            BackupId id = new BackupRun(store, Clock.systemUTC(), line -> { })
                    .take("staging", new PostgresDumper(PostgresConnection.of(source.url(), null, null)));
            Restore restore = new Restore(store, line -> { });
            restore.into(id, target.url(), null, null, false);
            assertEquals(checksum(source), checksum(target));
            try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
                statement.execute("delete from items where id > 10");
            }
            assertThrows(BadInputException.class, () -> restore.into(id, target.url(), null, null, false));
            restore.into(id, target.url(), null, null, true);
            assertEquals(checksum(source), checksum(target));
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
