package dev.drydock.backup.store;

import dev.drydock.backup.BackupRun;
import dev.drydock.backup.SqliteFixture;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Verification;
import dev.drydock.backup.catalog.Catalog;
import dev.drydock.backup.dump.SqliteDumper;
import dev.drydock.backup.restore.Restore;
import dev.drydock.backup.restore.RestoreTarget;
import dev.drydock.backup.verify.ChecksumVerifier;
import dev.drydock.backup.verify.RestoreVerifier;
import dev.drydock.backup.verify.ScratchServers;
import dev.drydock.shared.config.BackupConfig;
import dev.drydock.shared.config.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The S3 store through the AWS SDK v2 against a real S3-compatible server (S3Proxy) on 127.0.0.1. */
class S3StoreTest {

    @TempDir
    static Path serverDir;

    @TempDir
    Path dir;

    private static S3ProxyServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = new S3ProxyServer(serverDir.resolve("data"));
        server.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private S3Store store() {
        String bucket = "drydock-" + UUID.randomUUID().toString().substring(0, 8);
        BackupConfig.S3 settings = new BackupConfig.S3(server.endpoint(), "us-east-1", true, null, null,
                new Secret(S3ProxyServer.IDENTITY, "backup.s3.accessKeyId", null),
                new Secret(S3ProxyServer.CREDENTIAL, "backup.s3.secretAccessKey", null));
        S3Store store = S3Clients.store("s3://" + bucket + "/team/app", settings, dir.resolve("cache"));
        store.client().createBucket(b -> b.bucket(bucket));
        return store;
    }

    @Test
    void backupsArePublishedListedVerifiedRestoredAndDeleted() throws Exception {
        Path database = SqliteFixture.create(dir, 300);
        S3Store store = store();
        BackupId id = new BackupRun(store, Clock.systemUTC(), line -> { }).take("production", new SqliteDumper(database));
        assertEquals(List.of(id), store.list());
        assertTrue(store.describe().startsWith("s3://drydock-") && store.describe().endsWith("/team/app"));
        try (var local = Files.list(dir.resolve("cache"))) {
            assertTrue(local.noneMatch(p -> p.getFileName().toString().endsWith(".partial")), "the local partial is gone");
        }
        assertTrue(new ChecksumVerifier(store, Clock.systemUTC()).verify(id).passed());
        Files.delete(dir.resolve("cache").resolve(id.archiveName()));
        assertEquals(300, new Catalog(store).entries(Optional.empty()).get(0).manifest().orElseThrow().tables()
                .get("main.users").rows());
        assertTrue(Files.notExists(dir.resolve("cache").resolve(id.archiveName())), "the catalog read the manifest copy,"
                + " not the archive");
        Verification restore = new RestoreVerifier(store, Clock.systemUTC(), ScratchServers.none()).verify(id);
        assertTrue(restore.passed(), restore.problems().toString());
        assertEquals("verified", new Catalog(store).entries(Optional.empty()).get(0).status());

        Path target = dir.resolve("restored.db");
        new Restore(store, Clock.systemUTC(), line -> { }).into(id, RestoreTarget.of("jdbc:sqlite:" + target, null, null),
                false, Optional.empty(), dir, ScratchServers.none());
        assertEquals(SqliteFixture.tableChecksum(database, "users"), SqliteFixture.tableChecksum(target, "users"));

        store.delete(id);
        assertEquals(List.of(), store.list());
        assertEquals(Optional.empty(), store.verification(id));
    }

    @Test
    void anIncompleteUploadIsNeverListedAndIsAbortedLater() throws Exception {
        S3Store store = store();
        String key = "team/app/backup-production-2026-11-22-020000.zip";
        String upload = store.client().createMultipartUpload(b -> b.bucket(store.bucket()).key(key)).uploadId();
        store.client().uploadPart(b -> b.bucket(store.bucket()).key(key).uploadId(upload).partNumber(1),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[1024]));
        assertEquals(List.of(), store.list());
        List<String> removed = store.removeAbandoned();
        assertEquals(List.of("incomplete upload of " + key), removed);
        assertEquals(0, store.client().listMultipartUploads(b -> b.bucket(store.bucket())).uploads().size());
    }

    @Test
    void theServerStoppedMidUploadLeavesNoArchiveAndTheNextRunSucceeds() throws Exception {
        Path database = dir.resolve("big.db");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database);
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("create table blobs (id integer primary key, payload blob)");
            // ~96 MiB of random bytes: incompressible, so the upload has six 16 MiB parts and takes a while
            statement.execute("insert into blobs (payload) select randomblob(65536) from"
                    + " (with recursive n(i) as (select 1 union all select i + 1 from n where i < 1536) select i from n)");
        }
        S3Store store = store();
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        Thread saboteur = new Thread(() -> {
            long deadline = System.currentTimeMillis() + 120_000;
            while (!stopped.get() && System.currentTimeMillis() < deadline) {
                try {
                    if (!store.client().listMultipartUploads(b -> b.bucket(store.bucket())).uploads().isEmpty()) {
                        server.stop();
                        stopped.set(true);
                    }
                    Thread.sleep(5);
                } catch (Exception e) {
                    return;
                }
            }
        });
        saboteur.start();
        try {
            assertThrows(IOException.class,
                    () -> new BackupRun(store, Clock.systemUTC(), line -> { }).take("production", new SqliteDumper(database)));
        } finally {
            saboteur.join();
            server.start();
        }
        assertTrue(stopped.get(), "the server was stopped while the upload was under way");
        assertEquals(List.of(), store.list());
        assertTrue(store.removeAbandoned().stream().allMatch(line -> line.startsWith("incomplete upload of")));
        assertEquals(0, store.client().listMultipartUploads(b -> b.bucket(store.bucket())).uploads().size());
        BackupId id = new BackupRun(store, Clock.systemUTC(), line -> { }).take("production", new SqliteDumper(database));
        assertEquals(List.of(id), store.list());
        assertTrue(new ChecksumVerifier(store, Clock.systemUTC()).verify(id).passed());
    }

    @Test
    void anUnreachableServerFailsTheBackupAndTheNextRunSucceeds() throws Exception {
        Path database = SqliteFixture.create(dir, 50);
        S3Store store = store();
        server.stop();
        try {
            assertThrows(IOException.class,
                    () -> new BackupRun(store, Clock.systemUTC(), line -> { }).take("production", new SqliteDumper(database)));
        } finally {
            server.start();
        }
        assertEquals(List.of(), store.list());
        BackupId id = new BackupRun(store, Clock.systemUTC(), line -> { }).take("production", new SqliteDumper(database));
        assertEquals(List.of(id), store.list());
    }

    @Test
    void aServerGoneBeforeTheUploadStartsLeavesNoLocalPartialBehind() throws Exception {
        Path database = SqliteFixture.create(dir, 50);
        S3Store store = store();
        Consumer<String> stopWhileDumping = line -> {
            if (line.startsWith("dumping")) {
                try {
                    server.stop();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        try {
            assertThrows(IOException.class,
                    () -> new BackupRun(store, Clock.systemUTC(), stopWhileDumping).take("production", new SqliteDumper(database)));
        } finally {
            server.start();
        }
        try (var local = Files.list(dir.resolve("cache"))) {
            assertEquals(List.of(), local.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(List.of(), store.list());
    }
}
