package dev.drydock.migrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.shared.testing.ScratchDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two migrators on one database, and a migrator killed with SIGKILL halfway: the first migrator runs as a child
 * process, the second in this JVM.
 */
class ConcurrencyTest {

    @TempDir
    Path project;

    private Path config(String url, String dialect, String slowSql) throws IOException {
        Path db = project.resolve("db");
        Files.createDirectories(db);
        Files.writeString(db.resolve("V1__base.sql"), "CREATE TABLE base (id int PRIMARY KEY);");
        Files.writeString(db.resolve("U1__base.sql"), "DROP TABLE base;");
        Files.writeString(db.resolve("V2__slow.sql"), slowSql);
        Files.writeString(db.resolve("U2__slow.sql"), "DROP TABLE IF EXISTS slow;");
        return Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db\n  layout: flyway\n"
                + "  dialects: [" + dialect + "]\nvalidator:\n  rules: { non-idempotent-ddl: off }\n"
                + "environments:\n  test: { url: \"" + url + "\" }\n");
    }

    /** Starts {@code migrator up} as a child process and returns once it has begun the slow migration V2. */
    private Process startUp(Path config) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.drydock.migrator.cli.MigratorCommand", "--config", config.toString(), "up", "--env", "test")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("applying 2")) {
                return process;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the first migrator ended before V2:\n" + seen);
    }

    @Test
    void aSecondMigratorOnSqliteWaitsThenGivesUpWithExitThree() throws Exception {
        Path config = config("jdbc:sqlite:./app.db", "sqlite", "CREATE TABLE slow AS WITH RECURSIVE c(x) AS (SELECT 1"
                + " UNION ALL SELECT x + 1 FROM c WHERE x < 15000000) SELECT count(*) AS n FROM c;");
        Process first = startUp(config);
        MigratorRun second = MigratorRun.of("--config", config.toString(), "up", "--env", "test", "--lock-timeout", "1");
        assertEquals(3, second.exit(), second.out() + second.err());
        assertTrue(second.out().contains("waiting for another migrator"), second.out());
        assertTrue(second.err().contains("another migrator has held"), second.err());
        assertTrue(first.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue());
        MigratorRun after = MigratorRun.of("--config", config.toString(), "up", "--env", "test");
        assertEquals(0, after.exit(), after.out() + after.err());
        assertTrue(after.out().contains("nothing to apply"), after.out());
    }

    @Test
    void aSecondMigratorOnPostgresqlGivesUpOnTheLock() throws Exception {
        try (ScratchDatabases.Scratch database = ScratchDatabases.postgres()) {
            Path config = config(database.url(), "postgresql", "SELECT pg_sleep(8);");
            Process first = startUp(config);
            MigratorRun second = MigratorRun.of("--config", config.toString(), "up", "--env", "test", "--lock-timeout", "2");
            assertEquals(3, second.exit(), second.out() + second.err());
            assertTrue(second.err().contains("another migrator has held"), second.err());
            MigratorRun down = MigratorRun.of("--config", config.toString(), "down", "--env", "test", "--to", "0",
                    "--lock-timeout", "1");
            assertEquals(3, down.exit(), "a rollback waits for the running up too: " + down.out() + down.err());
            assertTrue(first.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, first.exitValue());
        }
    }

    /** kill -9 during V2: its transaction dies with the session, the next status says V2 is pending, and up finishes it. */
    @Test
    void aMigratorKilledHalfwayLeavesAStateTheNextRunExplainsAndRecovers() throws Exception {
        try (ScratchDatabases.Scratch database = ScratchDatabases.postgres()) {
            Path config = config(database.url(), "postgresql", "CREATE TABLE slow (id int);\nSELECT pg_sleep(30);");
            Process first = startUp(config);
            first.destroyForcibly();
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
            Thread.sleep(500); // the server notices the dropped connection
            JsonNode status = new ObjectMapper().readTree(
                    MigratorRun.of("--config", config.toString(), "status", "--env", "test", "--json").out());
            assertEquals("1", status.get("current").asText());
            assertEquals("2", status.get("pending").get(0).get("version").asText());
            assertEquals(0, status.get("failed").size(), "the killed migration was rolled back with its session");
            Files.writeString(project.resolve("db/V2__slow.sql"), "CREATE TABLE slow (id int);");
            MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "test", "--lock-timeout", "10");
            assertEquals(0, up.exit(), up.out() + up.err());
            assertTrue(up.out().contains("applied  2 slow"), up.out());
        }
    }
}
