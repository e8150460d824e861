package dev.drydock.migrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two migrators on one database, and a migrator killed with SIGKILL halfway, on SQLite, PostgreSQL and MariaDB: the
 * first migrator runs as a child process, the second in this JVM.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
class ConcurrencyTest extends PerDatabaseTest {


    ConcurrencyTest(String dialect) {
        super(dialect, "app.db");
    }

    /** A statement that keeps the database busy for about {@code seconds}. */
    private String slowStatement(int seconds) {
        return switch (dialect) {
            case "sqlite" -> "CREATE TABLE busy AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c"
                    + " WHERE x < " + seconds * 6_000_000 + ") SELECT count(*) AS n FROM c;"; // about 5-6 million rows a second here
            case "postgresql" -> "SELECT pg_sleep(" + seconds + ");";
            default -> "SELECT SLEEP(" + seconds + ");";
        };
    }

    private Path config(String slowSql) throws IOException {
        Path db = project.resolve("db");
        Files.createDirectories(db);
        Files.writeString(db.resolve("V1__base.sql"), "CREATE TABLE base (id int PRIMARY KEY);");
        Files.writeString(db.resolve("U1__base.sql"), "DROP TABLE base;");
        Files.writeString(db.resolve("V2__slow.sql"), slowSql);
        Files.writeString(db.resolve("U2__slow.sql"), "DROP TABLE IF EXISTS slow;"
                + (dialect.equals("sqlite") ? "\nDROP TABLE IF EXISTS busy;" : ""));
        return Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db\n  layout: flyway\n"
                + "  dialects: [" + dialect + "]\nvalidator:\n  rules: { non-idempotent-ddl: off }\n"
                + "environments:\n  test: { url: \"" + database.url() + "\" }\n");
    }

    private JsonNode status(Path config) throws IOException {
        return new ObjectMapper().readTree(
                MigratorRun.of("--config", config.toString(), "status", "--env", "test", "--json").out());
    }

    @Test
    void aSecondMigratorWaitsThenGivesUpWithExitThree() throws Exception {
        Path config = config(slowStatement(8));
        Process first = ChildMigrator.upUntil(config, "applying 2");
        MigratorRun second = MigratorRun.of("--config", config.toString(), "up", "--env", "test", "--lock-timeout", "1");
        assertEquals(3, second.exit(), second.out() + second.err());
        assertTrue(second.out().contains("waiting for another migrator"), second.out());
        assertTrue(second.err().contains("another migrator has held"), second.err());
        MigratorRun down = MigratorRun.of("--config", config.toString(), "down", "--env", "test", "--to", "0",
                "--lock-timeout", "1");
        assertEquals(3, down.exit(), "a rollback waits for the running up too: " + down.out() + down.err());
        assertTrue(first.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue());
        MigratorRun after = MigratorRun.of("--config", config.toString(), "up", "--env", "test");
        assertEquals(0, after.exit(), after.out() + after.err());
        assertTrue(after.out().contains("nothing to apply"), after.out());
        assertEquals(List.of("1", "2"), database.appliedVersions());
    }

    /**
     * kill -9 during V2. Where V2 ran in a transaction of a database with transactional DDL (SQLite, PostgreSQL) it
     * died with the session: the next status says V2 is pending and up finishes it. On MariaDB its CREATE TABLE had
     * committed: status and up name the migration that may have partly stayed, and after the table is dropped by
     * hand, repair clears the mark and up finishes it.
     */
    @Test
    void aMigratorKilledHalfwayLeavesAStateTheNextRunExplainsAndRecovers() throws Exception {
        Path config = config("CREATE TABLE slow (id int);\n" + slowStatement(30));
        Process first = ChildMigrator.upUntil(config, "applying 2");
        Thread.sleep(1_000); // into the slow statement, past the CREATE TABLE
        first.destroyForcibly();
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        Thread.sleep(500); // the server notices the dropped connection
        Files.writeString(project.resolve("db/V2__slow.sql"), "CREATE TABLE slow (id int);");
        JsonNode status = status(config);
        assertEquals("1", status.get("current").asText());
        assertEquals("2", status.get("pending").get(0).get("version").asText());
        assertEquals(0, status.get("failed").size());
        if (dialect.equals("mariadb")) {
            assertEquals(1, status.get("drift").size(), status.toString());
            assertTrue(status.get("drift").get(0).get("problem").asText().contains("a migrator died while applying it"),
                    status.toString());
            MigratorRun refused = MigratorRun.of("--config", config.toString(), "up", "--env", "test");
            assertEquals(1, refused.exit(), refused.out() + refused.err());
            assertTrue(refused.err().contains("V2__slow.sql: a migrator died while applying it"), refused.err());
            assertTrue(refused.err().contains("migrator repair --env test"), refused.err());
            assertTrue(database.hasTable("slow"), "MariaDB kept the CREATE TABLE of the killed migration");
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl());
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE slow"); // the operator undoes what stayed
            }
            MigratorRun repair = MigratorRun.of("--config", config.toString(), "repair", "--env", "test");
            assertEquals(0, repair.exit(), repair.out() + repair.err());
            assertTrue(repair.out().contains("cleared the mark of 2 slow"), repair.out());
            assertEquals(0, status(config).get("drift").size());
        } else {
            assertEquals(0, status.get("drift").size(), "the killed migration was rolled back with its session: " + status);
            assertTrue(!database.hasTable("slow"));
        }
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "test", "--lock-timeout", "10");
        assertEquals(0, up.exit(), up.out() + up.err());
        assertTrue(up.out().contains("applied  2 slow"), up.out());
        if (dialect.equals("postgresql")) {
            assertTrue(up.out().contains("the migrator applying 2 slow died"), up.out());
            assertTrue(up.out().contains("its transaction was rolled back, so none of it stayed"), up.out());
        }
        assertEquals(List.of("1", "2"), database.appliedVersions());
        assertTrue(status(config).get("success").asBoolean());
    }
}
