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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A migration that fails in the middle of a set, and baseline and repair, on SQLite, PostgreSQL and MariaDB: what
 * stays applied, what the history and the status say, and how the next run gets going again.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
class RecoveryTest extends PerDatabaseTest {


    RecoveryTest(String dialect) {
        super(dialect, "app.db");
    }

    private Path config() throws IOException {
        Files.createDirectories(project.resolve("db"));
        return Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db\n  layout: flyway\n"
                + "  dialects: [" + dialect + "]\nenvironments:\n  test: { url: \"" + database.url() + "\" }\n");
    }

    private void pair(String version, String name, String forward, String rollback) throws IOException {
        Files.writeString(project.resolve("db/V" + version + "__" + name + ".sql"), forward);
        Files.writeString(project.resolve("db/U" + version + "__" + name + ".sql"), rollback);
    }

    private JsonNode status(Path config) throws IOException {
        return new ObjectMapper().readTree(
                MigratorRun.of("--config", config.toString(), "status", "--env", "test", "--json").out());
    }

    @Test
    void aMigrationThatFailsInTheMiddleOfASetStopsThereAndSaysWhatWasApplied() throws Exception {
        Path config = config();
        pair("1", "users", "CREATE TABLE IF NOT EXISTS users (id integer PRIMARY KEY);", "DROP TABLE IF EXISTS users;");
        pair("2", "seed", "INSERT INTO users (id) VALUES (1);\nINSERT INTO users (id) VALUES (1);",
                "DELETE FROM users WHERE id = 1;");
        pair("3", "notes", "CREATE TABLE IF NOT EXISTS notes (id integer PRIMARY KEY);", "DROP TABLE IF EXISTS notes;");
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "test");
        assertEquals(1, up.exit(), up.out() + up.err());
        assertTrue(up.out().contains("applied  1 users"), up.out());
        assertTrue(up.out().contains("FAILED: 2 seed: "), up.out());
        assertTrue(up.out().contains("To go back to where this run started: migrator down --env test --to 0"), up.out());
        assertEquals(List.of("1"), database.appliedVersions(), "V1 stays applied, V3 never ran");
        assertFalse(database.hasTable("notes"));
        assertEquals(List.of("0"), database.query("SELECT count(*) FROM users"), "the first INSERT of V2 was rolled back");
        JsonNode status = status(config);
        assertEquals("1", status.get("current").asText());

        Files.writeString(project.resolve("db/V2__seed.sql"), "INSERT INTO users (id) VALUES (1);");
        if (dialect.equals("mariadb")) { // Flyway records the failure where DDL is not transactional
            assertEquals(1, status.get("failed").size(), status.toString());
            assertFalse(status.get("success").asBoolean());
            assertEquals(1, MigratorRun.of("--config", config.toString(), "up", "--env", "test").exit());
            assertEquals(0, MigratorRun.of("--config", config.toString(), "repair", "--env", "test").exit());
        } else {
            assertEquals(List.of("2", "3"), status.get("pending").findValuesAsText("version"));
            assertTrue(status.get("success").asBoolean(), "V2 was rolled back whole: nothing failed stays recorded");
        }
        MigratorRun again = MigratorRun.of("--config", config.toString(), "up", "--env", "test");
        assertEquals(0, again.exit(), again.out() + again.err());
        assertEquals(List.of("1", "2", "3"), database.appliedVersions());
        assertEquals(List.of("1"), database.query("SELECT count(*) FROM users"));
    }

    @Test
    void baselineAdoptsAnExistingDatabaseAndRepairSettlesAnEditedFile() throws Exception {
        Path config = config();
        pair("1", "users", "CREATE TABLE users (id integer PRIMARY KEY);", "DROP TABLE users;");
        pair("2", "notes", "CREATE TABLE notes (id integer PRIMARY KEY);", "DROP TABLE notes;");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE users (id integer PRIMARY KEY)"); // made before Drydock, by hand
        }
        MigratorRun baseline = MigratorRun.of("--config", config.toString(), "baseline", "--env", "test", "--version", "1");
        assertEquals(0, baseline.exit(), baseline.out() + baseline.err());
        assertEquals(List.of("2"), status(config).get("pending").findValuesAsText("version"));
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "test");
        assertEquals(0, up.exit(), up.out() + up.err());
        assertTrue(database.hasTable("notes"));

        Path v2 = project.resolve("db/V2__notes.sql");
        Files.writeString(v2, Files.readString(v2) + "\n-- reviewed\n");
        MigratorRun drifted = MigratorRun.of("--config", config.toString(), "status", "--env", "test");
        assertEquals(1, drifted.exit(), drifted.out());
        assertTrue(drifted.out().contains("edited after it was applied"), drifted.out());
        MigratorRun repair = MigratorRun.of("--config", config.toString(), "repair", "--env", "test");
        assertEquals(0, repair.exit(), repair.out() + repair.err());
        assertTrue(status(config).get("success").asBoolean());
    }
}
