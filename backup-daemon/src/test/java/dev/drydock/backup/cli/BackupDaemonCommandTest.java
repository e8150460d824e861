package dev.drydock.backup.cli;

import dev.drydock.backup.CraftedArchive;
import dev.drydock.backup.SqliteFixture;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.store.FileStore;
import dev.drydock.shared.testing.ScratchDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backup-daemon command line on a real SQLite database: exit codes, output, and no secret anywhere. */
class BackupDaemonCommandTest {

    private static final String SECRET = "hunter2-never-shown";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int exit = BackupDaemonCommand.run(args);
            return new Run(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private Path config() throws Exception {
        SqliteFixture.create(dir, 50);
        Files.writeString(dir.resolve("pw"), SECRET + "\n");
        return Files.writeString(dir.resolve("drydock.yaml"), """
                environments:
                  dev: { url: "jdbc:sqlite:./app.db", user: app, password: "${file:pw}" }
                  production: { url: "jdbc:postgresql://127.0.0.1:5432/app" }
                backup:
                  store: "file:./backups"
                """);
    }

    @Test
    void backupListAndVerifyWithoutLeakingSecrets() throws Exception {
        Path config = config();
        Run backup = run("--config", config.toString(), "backup", "--env", "dev");
        assertEquals(0, backup.exit(), backup.err());
        assertTrue(backup.out().matches("backup-dev-\\d{4}-\\d{2}-\\d{2}-\\d{6} verified \\(checksum\\)\\s*"), backup.out());
        String id = backup.out().split(" ")[0];

        Run list = run("list", "--config", config.toString());
        assertEquals(0, list.exit());
        assertTrue(list.out().contains(id + " "), list.out());
        assertTrue(list.out().contains("verified"), list.out());
        assertTrue(list.out().contains("2 applied, latest 2"), list.out());
        Run json = run("--config", config.toString(), "list", "--json", "--env", "dev");
        assertTrue(json.out().contains("\"status\" : \"verified\""), json.out());
        Run verify = run("--config", config.toString(), "verify", id);
        assertEquals(0, verify.exit(), verify.out() + verify.err());
        Run restore = run("--config", config.toString(), "verify", id, "--level", "restore"); // the old spelling
        assertEquals(0, restore.exit(), restore.out() + restore.err());
        assertTrue(restore.out().contains("passed restore verification"), restore.out());

        for (Run output : List.of(backup, list, json, verify, restore)) {
            assertFalse((output.out() + output.err()).contains(SECRET));
        }
        try (Stream<Path> files = Files.list(dir.resolve("backups"))) {
            for (Path file : files.toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(SECRET), file + " holds the secret");
            }
        }
    }

    @Test
    void aDamagedArchiveFailsVerifyWithExitOne() throws Exception {
        Path config = config();
        String id = run("--config", config.toString(), "backup", "--env", "dev").out().split(" ")[0];
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve("backups/" + id + ".zip").toFile(), "rw")) {
            file.seek(90);
            int b = file.read();
            file.seek(90);
            file.write(b ^ 0x01);
        }
        Run verify = run("--config", config.toString(), "verify", id);
        assertEquals(1, verify.exit());
        assertTrue(verify.out().contains("FAILED checksum verification"), verify.out());
        assertTrue(run("--config", config.toString(), "list").out().contains("failed"));
    }

    @Test
    void aRestoreOfAnArchiveThatDoesNotRestoreIsRefusedAndTheLiveDatabaseKept() throws Exception {
        Path config = config();
        String id = run("--config", config.toString(), "backup", "--env", "dev").out().split(" ")[0];
        CraftedArchive.replaceDump(new FileStore(dir.resolve("backups")), BackupId.parseArgument(id),
                "not a database".getBytes(StandardCharsets.UTF_8), null);
        String live = SqliteFixture.tableChecksum(dir.resolve("app.db"), "users");
        Run restore = run("--config", config.toString(), "restore", id, "--into", "jdbc:sqlite:" + dir.resolve("app.db"),
                "--force");
        assertEquals(1, restore.exit(), restore.out() + restore.err());
        assertTrue(restore.err().contains("backup-daemon: refused: " + id + " does not restore"), restore.err());
        assertFalse(restore.err().contains("\tat "), "no stack trace: " + restore.err());
        assertEquals(live, SqliteFixture.tableChecksum(dir.resolve("app.db"), "users"));
        assertTrue(run("--config", config.toString(), "list").out().contains("failed"), "the rehearsal is recorded");

        Run old = run("--config", config.toString(), "restore", id, "--to", "jdbc:sqlite:" + dir.resolve("copy.db"));
        assertTrue(old.err().contains("failed its last verification"), "--to still names the target: " + old.err());
    }

    @Test
    void backupOfTheOnlyEnvironmentVerifiesAtItsJobsLevel() throws Exception {
        SqliteFixture.create(dir, 20);
        Path config = Files.writeString(dir.resolve("one.yaml"), """
                environments:
                  dev: { url: "jdbc:sqlite:./app.db" }
                backup:
                  store: "file:./backups"
                  jobs: [ { environment: dev, schedule: "0 0 3 * * ?", verify: restore } ]
                """);
        Run backup = run("--config", config.toString(), "backup");
        assertEquals(0, backup.exit(), backup.out() + backup.err());
        assertTrue(backup.out().contains("verified (restore)"), backup.out());
        Run verify = run("--config", config.toString(), "verify", backup.out().split(" ")[0], "--verify", "checksum");
        assertTrue(verify.out().contains("passed checksum verification"), verify.out());
    }

    @Test
    void aRestoreIntoAnEnvironmentsDatabaseLogsInAsItsUser() throws Exception {
        String role = "drydock_owner_" + Long.toHexString(System.nanoTime());
        try (ScratchDatabases.Scratch database = ScratchDatabases.postgres();
             Connection admin = DriverManager.getConnection(ScratchDatabases.POSTGRES_ADMIN_URL);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN");
            // a test role that is no superuser may hand a database to a role only as a member of it
            statement.execute("GRANT " + role + " TO CURRENT_USER");
            try {
                statement.execute("ALTER DATABASE " + database.name() + " OWNER TO " + role);
                try (Connection connection = database.connect(); Statement inside = connection.createStatement()) {
                    inside.execute("ALTER SCHEMA public OWNER TO " + role);
                    inside.execute("SET ROLE " + role);
                    inside.execute("CREATE TABLE items (id int PRIMARY KEY)");
                }
                String url = "jdbc:postgresql://127.0.0.1:5432/" + database.name();
                Path config = Files.writeString(dir.resolve("pg.yaml"), """
                        environments:
                          staging: { url: "%s", user: %s }
                        backup:
                          store: "file:./backups"
                        """.formatted(url, role));
                Run backup = run("--config", config.toString(), "backup");
                assertEquals(0, backup.exit(), backup.out() + backup.err());
                String id = backup.out().split(" ")[0];
                Run refused = run("--config", config.toString(), "restore", id, "--into", url, "--force");
                assertEquals(1, refused.exit(), refused.out() + refused.err());
                assertTrue(refused.err().contains("cannot make a scratch database"), refused.err());
                assertFalse(run("--config", config.toString(), "list").out().contains("failed"),
                        "a rehearsal that could not start says nothing of the backup");

                Files.writeString(config, Files.readString(config) + "  jobs: [ { environment: staging, schedule:"
                        + " '0 0 3 * * ?', verifyUrl: '" + ScratchDatabases.POSTGRES_ADMIN_URL + "' } ]\n");
                Run restore = run("--config", config.toString(), "restore", id, "--into", url, "--force",
                        "--safety-dir", dir.toString());
                assertEquals(0, restore.exit(), restore.out() + restore.err());
                try (Connection connection = database.connect(); Statement inside = connection.createStatement();
                     java.sql.ResultSet owner = inside.executeQuery("select tableowner from pg_tables where tablename = 'items'")) {
                    assertTrue(owner.next());
                    assertEquals(role, owner.getString(1), "the restored table belongs to the environment's user");
                }
            } finally {
                statement.execute("DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
                statement.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    @Test
    void aPasswordInTheClusterUrlNeverReachesTheErrorLine() throws Exception {
        Path config = Files.writeString(dir.resolve("cluster.yaml"), """
                environments:
                  dev: { url: "jdbc:sqlite:./dev.db" }
                backup:
                  store: "file:./backups"
                  http: { port: 0 }
                  jobs: [ { environment: dev, schedule: "0 0 3 * * ?" } ]
                  cluster: { url: "jdbc:postgresql://127.0.0.1:99999/quartz?user=q&password=Sup3rS3cretValue" }
                """);
        Run run = run("--config", config.toString(), "run");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("cannot prepare the cluster job store"), run.err());
        assertFalse((run.out() + run.err()).contains("Sup3rS3cretValue"), run.err());
    }

    @Test
    void badInputExitsTwoWithOneClearLine() throws Exception {
        Path config = config();
        assertBadInput(run("--config", config.toString(), "backup", "--env", "staging"), "no environment 'staging'");
        assertBadInput(run("--config", config.toString(), "backup", "--env", "dev", "--verify", "deep"), "use checksum or restore");
        assertBadInput(run("--config", config.toString(), "verify", "yesterday"), "not a backup id");
        assertBadInput(run("--config", config.toString(), "verify", "backup-dev-2020-01-01-000000"), "no such backup");
        assertBadInput(run("--config", dir.resolve("none.yaml").toString(), "list"), "does not exist");
        assertEquals(2, run("--config", config.toString(), "backup").exit(), "--env is required");
        Files.delete(dir.resolve("app.db"));
        assertBadInput(run("--config", config.toString(), "backup", "--env", "dev"), "the SQLite database does not exist");
    }

    private static void assertBadInput(Run run, String expected) {
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void pruneKeepsWhatTheJobsRetentionSaysAndDryRunDeletesNothing() throws Exception {
        SqliteFixture.create(dir, 5);
        Path config = Files.writeString(dir.resolve("drydock.yaml"), """
                environments:
                  dev: { url: "jdbc:sqlite:./app.db" }
                backup:
                  store: "file:./backups"
                  jobs:
                    - { environment: dev, schedule: "0 0 2 * * ?", retention: { keepLast: 1 } }
                """);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, run("--config", config.toString(), "backup", "--env", "dev").exit());
            Thread.sleep(1100); // backup ids have one-second resolution
        }
        Run dryRun = run("--config", config.toString(), "prune", "--dry-run");
        assertEquals(0, dryRun.exit(), dryRun.err());
        assertEquals(2, dryRun.out().lines().filter(l -> l.startsWith("would delete ")).count(), dryRun.out());
        assertEquals(3, run("--config", config.toString(), "list").out().lines().filter(l -> l.startsWith("backup-")).count());
        Run prune = run("--config", config.toString(), "prune");
        assertEquals(2, prune.out().lines().filter(l -> l.startsWith("delete ")).count(), prune.out());
        List<String> left = run("--config", config.toString(), "list").out().lines().filter(l -> l.startsWith("backup-")).toList();
        assertEquals(1, left.size());
        assertTrue(prune.out().contains("keep   " + left.get(0).split(" ")[0] + "  (one of the newest 1)"), prune.out());
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String[] args : new String[][] {{"--help"}, {"backup", "--help"}, {"list", "--help"}, {"verify", "--help"},
                {"restore", "--help"}, {"prune", "--help"}}) {
            Run run = run(args);
            assertEquals(0, run.exit(), String.join(" ", args));
            assertTrue(run.out().contains("Examples:"), run.out());
        }
    }
}
