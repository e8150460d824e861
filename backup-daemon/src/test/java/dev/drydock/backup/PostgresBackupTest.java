package dev.drydock.backup;

import com.github.luben.zstd.ZstdInputStream;
import dev.drydock.backup.archive.ArchiveReader;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.archive.Verification;
import dev.drydock.backup.dump.ExternalTool;
import dev.drydock.backup.dump.PostgresConnection;
import dev.drydock.backup.dump.PostgresDumper;
import dev.drydock.backup.store.FileStore;
import dev.drydock.backup.verify.RestoreVerifier;
import dev.drydock.backup.verify.ScratchServers;
import dev.drydock.shared.testing.ScratchDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backups of a real PostgreSQL database with the real pg_dump and pg_restore. */
class PostgresBackupTest {

    @TempDir
    Path dir;

    private static void fill(Connection connection, int rows) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table flyway_schema_history (installed_rank int primary key, version varchar(50),"
                    + " description varchar(200), type varchar(20), script varchar(1000), checksum int,"
                    + " installed_by varchar(100), installed_on timestamp default now(), execution_time int, success boolean)");
            statement.execute("insert into flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) values (1, '1', 'create users', 'SQL',"
                    + " 'V1__create_users.sql', 42, 'ci', 7, true)");
            statement.execute("create table users (id bigserial primary key, email text not null unique,"
                    + " created_at timestamptz not null default now())");
            statement.execute("create table notes (id bigserial primary key, user_id bigint references users (id)"
                    + " on delete cascade, body text)");
            statement.execute("create index notes_user on notes (user_id)");
            statement.execute("insert into users (email) select 'user' || i || '@example.com' from generate_series(1, "
                    + rows + ") i");
            statement.execute("insert into notes (user_id, body) select id, md5(id::text) from users");
        }
    }

    private static String tableChecksum(Connection connection, String table) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select md5(string_agg(t::text, ',' order by t.id)) from " + table + " t")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static PostgresConnection connection(ScratchDatabases.Scratch database) {
        return PostgresConnection.of("jdbc:postgresql://127.0.0.1:5432/" + database.name(), "postgres", null);
    }

    @Test
    void backupVerifiesByRestoreAndRestoresIdenticalData() throws Exception {
        try (ScratchDatabases.Scratch source = ScratchDatabases.postgres();
             ScratchDatabases.Scratch target = ScratchDatabases.postgres()) {
            try (Connection connection = source.connect()) {
                fill(connection, 2000);
            }
            FileStore store = new FileStore(dir.resolve("backups"));
            BackupId id = new BackupRun(store, Clock.systemUTC(), line -> { }).take("staging", new PostgresDumper(connection(source)));
            Manifest manifest;
            try (ArchiveReader reader = new ArchiveReader(store.fetch(id))) {
                manifest = reader.manifest();
                assertEquals("postgresql", manifest.database().engine());
                assertTrue(manifest.tool().dumper().startsWith("pg_dump "), manifest.tool().dumper());
                assertEquals(2000, manifest.tables().get("public.users").rows());
                assertEquals(List.of("1"), manifest.migrationState().applied().stream().map(Manifest.AppliedMigration::version).toList());
                assertEquals(List.of("dump/" + source.name() + ".pgdump.zst"),
                        manifest.entries().stream().map(Manifest.Entry::path).toList());
                // a restore by hand into a fresh database gives the same rows
                try (InputStream in = new ZstdInputStream(reader.open(manifest.entries().get(0).path()))) {
                    ExternalTool.find("pg_restore").run(List.of("--no-owner", "--exit-on-error", "--dbname=" + target.name()),
                            connection(target).toolEnvironment(), in, java.io.OutputStream.nullOutputStream());
                }
            }
            try (Connection original = source.connect(); Connection restored = target.connect()) {
                for (String table : List.of("users", "notes")) {
                    assertEquals(tableChecksum(original, table), tableChecksum(restored, table), table);
                }
            }
            PostgresConnection server = PostgresConnection.of(ScratchDatabases.POSTGRES_ADMIN_URL, "postgres", null);
            Verification verification = new RestoreVerifier(store, Clock.systemUTC(), new ScratchServers(Optional.of(server), Optional.empty())).verify(id);
            assertTrue(verification.passed(), verification.problems().toString());
            assertEquals("restore", verification.level());
            assertTrue(verification.compared().contains("schema fingerprint"), verification.compared().toString());
            assertEquals(0, scratchDatabasesLeft(server), "the verifier drops its scratch database");
        }
    }

    @Test
    void aDamagedArchiveFailsRestoreVerificationBeforeAnyRestore() throws Exception {
        try (ScratchDatabases.Scratch source = ScratchDatabases.postgres()) {
            try (Connection connection = source.connect()) {
                fill(connection, 100);
            }
            FileStore store = new FileStore(dir.resolve("backups"));
            BackupId id = new BackupRun(store, Clock.systemUTC(), line -> { }).take("staging", new PostgresDumper(connection(source)));
            try (RandomAccessFile file = new RandomAccessFile(store.fetch(id).toFile(), "rw")) {
                file.seek(200);
                int b = file.read();
                file.seek(200);
                file.write(b ^ 0x40);
            }
            PostgresConnection server = PostgresConnection.of(ScratchDatabases.POSTGRES_ADMIN_URL, "postgres", null);
            Verification verification = new RestoreVerifier(store, Clock.systemUTC(), new ScratchServers(Optional.of(server), Optional.empty())).verify(id);
            assertFalse(verification.passed());
            assertTrue(verification.problems().get(0).contains("sha256"), verification.problems().toString());
        }
    }

    @Test
    void pgDumpKilledMidDumpLeavesNoArchive() throws Exception {
        try (ScratchDatabases.Scratch source = ScratchDatabases.postgres()) {
            try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
                fill(connection, 10);
                // enough data that pg_dump is still writing when it is killed
                statement.execute("create table blob (id int, payload text)");
                statement.execute("insert into blob select i, repeat(md5(i::text), 200) from generate_series(1, 60000) i");
            }
            FileStore store = new FileStore(dir.resolve("backups"));
            AtomicReference<Boolean> killed = new AtomicReference<>(false);
            Thread killer = new Thread(() -> {
                long deadline = System.currentTimeMillis() + 20_000;
                while (System.currentTimeMillis() < deadline && !killed.get()) {
                    ProcessHandle.current().descendants()
                            .filter(p -> p.info().command().map(c -> c.endsWith("pg_dump")).orElse(false))
                            .forEach(p -> killed.set(p.destroyForcibly()));
                    Thread.onSpinWait();
                }
            });
            killer.start();
            assertThrows(java.io.IOException.class, () -> new BackupRun(store, Clock.systemUTC(), line -> { })
                    .take("staging", new PostgresDumper(connection(source))));
            killer.join();
            assertTrue(killed.get(), "pg_dump was running and was killed");
            assertEquals(List.of(), store.list());
            try (var files = Files.list(dir.resolve("backups"))) {
                assertEquals(List.of(), files.toList(), "no partial archive is left");
            }
            BackupId next = new BackupRun(store, Clock.systemUTC(), line -> { }).take("staging", new PostgresDumper(connection(source)));
            assertEquals(List.of(next), store.list(), "the next run succeeds");
        }
    }

    private static long scratchDatabasesLeft(PostgresConnection server) throws Exception {
        try (Connection connection = server.open(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from pg_database where datname like 'drydock_verify_%'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
