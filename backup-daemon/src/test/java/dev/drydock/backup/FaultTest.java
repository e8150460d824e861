package dev.drydock.backup;

import dev.drydock.backup.cli.BackupDaemonCommand;
import dev.drydock.backup.store.FileStore;
import dev.drydock.shared.testing.ScratchDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A full disk and a killed daemon: nothing partial is ever listed, the failure is said, the next run succeeds. */
class FaultTest {

    @TempDir
    Path dir;

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Process command(String shellPrefix, Path config, String... args) throws Exception {
        StringBuilder command = new StringBuilder(shellPrefix).append("exec '").append(java()).append("' -cp '")
                .append(System.getProperty("java.class.path")).append("' ").append(BackupDaemonCommand.class.getName())
                .append(" --config '").append(config).append("'");
        for (String arg : args) {
            command.append(' ').append(arg);
        }
        return new ProcessBuilder("bash", "-c", command.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out-" + System.nanoTime() + ".log").toFile()).start();
    }

    private List<String> storeFiles() throws Exception {
        Path store = dir.resolve("backups");
        if (!Files.isDirectory(store)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(store)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFullDiskFailsTheBackupAndLeavesNothingListed() throws Exception {
        Path database = dir.resolve("app.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            statement.execute("create table blobs (id integer primary key, payload blob)");
            statement.execute("insert into blobs (payload) select randomblob(4096) from"
                    + " (with recursive n(i) as (select 1 union all select i + 1 from n where i < 2000) select i from n)");
        }
        Path config = Files.writeString(dir.resolve("drydock.yaml"),
                "environments:\n  dev: { url: \"jdbc:sqlite:./app.db\" }\nbackup:\n  store: \"file:./backups\"\n");
        // a file-size limit of 2 MiB: the 8 MiB of random data cannot be written, as on a full disk
        Process limited = command("ulimit -f 2048; ", config, "backup", "--env", "dev");
        assertTrue(limited.waitFor(120, TimeUnit.SECONDS));
        assertNotEquals(0, limited.exitValue());
        assertEquals(List.of(), new FileStore(dir.resolve("backups")).list());
        assertTrue(storeFiles().stream().noneMatch(name -> name.endsWith(".zip")), storeFiles().toString());

        Process unlimited = command("", config, "backup", "--env", "dev");
        assertTrue(unlimited.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, unlimited.exitValue());
        assertEquals(1, new FileStore(dir.resolve("backups")).list().size());
        assertTrue(storeFiles().stream().noneMatch(name -> name.endsWith(".partial")), storeFiles().toString());
    }

    @Test
    void aDaemonKilledDuringABackupLeavesOnlyAPartialFileThatTheNextRunRemoves() throws Exception {
        try (ScratchDatabases.Scratch source = ScratchDatabases.postgres()) {
            try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
                statement.execute("create table blob (id int, payload text)");
                statement.execute("insert into blob select i, repeat(md5(i::text), 100) from generate_series(1, 150000) i");
            }
            Path config = Files.writeString(dir.resolve("drydock.yaml"), """
                    environments:
                      staging: { url: "%s", user: postgres }
                    backup:
                      store: "file:./backups"
                      http: { bind: 127.0.0.1, port: 0 }
                      jobs:
                        - { environment: staging, schedule: "*/1 * * * * ?" }
                    """.formatted("jdbc:postgresql://127.0.0.1:5432/" + source.name()));
            Process daemon = command("", config, "run");
            long deadline = System.currentTimeMillis() + 60_000;
            while (storeFiles().stream().noneMatch(name -> name.endsWith(".partial")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            daemon.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            List<String> left = storeFiles();
            assertTrue(left.stream().anyMatch(name -> name.endsWith(".partial")), "killed mid-backup: " + left);
            FileStore store = new FileStore(dir.resolve("backups"));
            assertTrue(store.list().stream().allMatch(id -> left.contains(id.archiveName())), "only whole archives are listed");
            long published = store.list().size();

            Process next = command("", config, "backup", "--env", "staging");
            assertTrue(next.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, next.exitValue());
            assertEquals(published + 1, store.list().size());
            assertTrue(storeFiles().stream().noneMatch(name -> name.endsWith(".partial")), storeFiles().toString());
        }
    }
}
