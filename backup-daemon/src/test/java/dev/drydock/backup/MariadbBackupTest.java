package dev.drydock.backup;

import dev.drydock.backup.archive.ArchiveReader;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.archive.Verification;
import dev.drydock.backup.dump.MariadbConnection;
import dev.drydock.backup.dump.MariadbDumper;
import dev.drydock.backup.restore.Restore;
import dev.drydock.backup.restore.RestoreTarget;
import dev.drydock.backup.store.FileStore;
import dev.drydock.backup.verify.RestoreVerifier;
import dev.drydock.backup.verify.ScratchServers;
import dev.drydock.shared.BadInputException;
import dev.drydock.shared.testing.ScratchDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backups of a real MariaDB database with the real mariadb-dump and mariadb client. */
class MariadbBackupTest {

    @TempDir
    Path dir;

    private static void fill(Connection connection, int rows) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table flyway_schema_history (installed_rank int primary key, version varchar(50),"
                    + " description varchar(200), type varchar(20), script varchar(1000), checksum int,"
                    + " installed_by varchar(100), installed_on timestamp default current_timestamp, execution_time int,"
                    + " success tinyint(1)) engine=InnoDB");
            statement.execute("insert into flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) values (1, '1', 'init', 'SQL', 'V1__init.sql', 9, 'ci', 3, 1)");
            statement.execute("create table users (id bigint auto_increment primary key, email varchar(200) not null unique,"
                    + " note text) engine=InnoDB");
            statement.execute("insert into users (email, note) select concat('user', seq, '@example.com'), repeat('x', seq % 50)"
                    + " from seq_1_to_" + rows);
        }
    }

    private static String checksum(ScratchDatabases.Scratch database) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("set session group_concat_max_len = 100000000");
            try (ResultSet rows = statement.executeQuery("select concat(count(*), ':', md5(group_concat(id, email,"
                    + " coalesce(note, '') order by id separator ','))) from users")) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    @Test
    void backupVerifiesByRestoreAndRestoresIdenticalData() throws Exception {
        try (ScratchDatabases.Scratch source = ScratchDatabases.mariadb(); ScratchDatabases.Scratch target = ScratchDatabases.mariadb()) {
            try (Connection connection = source.connect()) {
                fill(connection, 3000);
            }
            FileStore store = new FileStore(dir.resolve("backups"));
            MariadbConnection connection = MariadbConnection.of(source.url(), null, null);
            BackupId id = new BackupRun(store, Clock.systemUTC(), line -> { }).take("staging", new MariadbDumper(connection));
            try (ArchiveReader reader = new ArchiveReader(store.fetch(id))) {
                Manifest manifest = reader.manifest();
                assertEquals("mariadb", manifest.database().engine());
                assertEquals(3000, manifest.tables().get("users").rows());
                assertEquals(List.of("1"), manifest.migrationState().applied().stream().map(Manifest.AppliedMigration::version).toList());
            }
            Verification verification = new RestoreVerifier(store, Clock.systemUTC(), new ScratchServers(Optional.empty(),
                    Optional.of(MariadbConnection.of(ScratchDatabases.MARIADB_ADMIN_URL, null, null)))).verify(id);
            assertTrue(verification.passed(), verification.problems().toString());

            Restore restore = new Restore(store, Clock.systemUTC(), line -> { });
            RestoreTarget into = RestoreTarget.of(target.url(), null, null);
            restore.into(id, into, false, Optional.empty(), dir, ScratchServers.none());
            assertEquals(checksum(source), checksum(target));
            assertThrows(BadInputException.class, () -> restore.into(id, into, false, Optional.empty(), dir, ScratchServers.none()));
            try (Connection session = target.connect(); Statement statement = session.createStatement()) {
                statement.execute("delete from users where id > 10");
                statement.execute("create table made_later (id int)");
            }
            restore.into(id, into, true, Optional.empty(), dir, ScratchServers.none());
            assertEquals(checksum(source), checksum(target));
            try (Connection session = target.connect(); Statement statement = session.createStatement();
                 ResultSet rows = statement.executeQuery("select count(*) from information_schema.tables"
                         + " where table_schema = database() and table_name = 'made_later'")) {
                rows.next();
                assertEquals(0, rows.getLong(1), "the table made after the backup is gone");
            }
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith(target.name() + ".before-restore-")
                        && f.getFileName().toString().endsWith(".sql")).count(), "a safety dump of what was replaced");
            }
        }
    }

    @Test
    void theManifestMatchesTheDumpWhileWritersAreActive() throws Exception {
        try (ScratchDatabases.Scratch source = ScratchDatabases.mariadb()) {
            try (Connection connection = source.connect()) {
                fill(connection, 2000);
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong inserted = new AtomicLong();
            Thread writer = new Thread(() -> {
                try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
                    while (writing.get()) {
                        statement.executeUpdate("insert into users (email) values (uuid())");
                        inserted.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            while (inserted.get() < 100) {
                Thread.onSpinWait();
            }
            FileStore store = new FileStore(dir.resolve("backups"));
            BackupId id = new BackupRun(store, Clock.systemUTC(), line -> { })
                    .take("staging", new MariadbDumper(MariadbConnection.of(source.url(), null, null)));
            writing.set(false);
            writer.join();
            Verification verification = new RestoreVerifier(store, Clock.systemUTC(), new ScratchServers(Optional.empty(),
                    Optional.of(MariadbConnection.of(ScratchDatabases.MARIADB_ADMIN_URL, null, null)))).verify(id);
            assertTrue(verification.passed(), "row counts of the restored dump equal the manifest's: " + verification.problems());
        }
    }
}
