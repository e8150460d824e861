package dev.drydock.migrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A history that does not match the files — a row deleted by hand, a row recorded twice — stops {@code down} and
 * {@code up} before they change anything, and a migration that fails says what the database said, on SQLite,
 * PostgreSQL and MariaDB.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
class HistoryTruthTest extends PerDatabaseTest {

    HistoryTruthTest(String dialect) {
        super(dialect, "app.db");
    }

    private Path configWithFourTables() throws IOException {
        Files.createDirectories(project.resolve("db"));
        for (int version = 1; version <= 4; version++) {
            Files.writeString(project.resolve("db/V" + version + "__t" + version + ".sql"),
                    "CREATE TABLE t" + version + " (id integer PRIMARY KEY);");
            Files.writeString(project.resolve("db/U" + version + "__t" + version + ".sql"), "DROP TABLE t" + version + ";");
        }
        return Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db\n  layout: flyway\n"
                + "  dialects: [" + dialect + "]\nenvironments:\n  test: { url: \"" + database.url() + "\" }\n");
    }

    private List<Boolean> tables() throws Exception {
        return List.of(database.hasTable("t1"), database.hasTable("t2"), database.hasTable("t3"), database.hasTable("t4"));
    }

    @Test
    void aRowDeletedByHandIsAGapThatStopsDownBeforeItRollsAnythingBack() throws Exception {
        Path config = configWithFourTables();
        assertEquals(0, MigratorRun.of("--config", config.toString(), "up", "--env", "test").exit());
        database.execute("DELETE FROM flyway_schema_history WHERE version = '2'");

        MigratorRun down = MigratorRun.of("--config", config.toString(), "down", "--env", "test", "--to", "0");
        assertEquals(1, down.exit(), down.out() + down.err());
        assertTrue(down.err().contains("V2__t2.sql: not in the history although newer migrations are: a gap"), down.err());
        assertEquals(List.of(true, true, true, true), tables(), "nothing was rolled back");
        JsonNode status = new ObjectMapper().readTree(
                MigratorRun.of("--config", config.toString(), "status", "--env", "test", "--json").out());
        assertFalse(status.get("success").asBoolean());
        assertEquals("2", status.get("drift").get(0).get("version").asText());
        assertEquals(1, MigratorRun.of("--config", config.toString(), "up", "--env", "test").exit(), "up refuses too");
    }

    @Test
    void aRowRecordedTwiceStopsDown() throws Exception {
        Path config = configWithFourTables();
        assertEquals(0, MigratorRun.of("--config", config.toString(), "up", "--env", "test").exit());
        database.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) SELECT 9, version, description, type, script, checksum,"
                + " installed_by, execution_time, success FROM flyway_schema_history WHERE version = '3'");

        MigratorRun down = MigratorRun.of("--config", config.toString(), "down", "--env", "test", "--to", "0");
        assertEquals(1, down.exit(), down.out() + down.err());
        assertTrue(down.err().contains("recorded 2 times in the history (installed_rank [3, 9])"), down.err());
        assertEquals(List.of(true, true, true, true), tables(), "nothing was rolled back");
    }

    @Test
    void aFailedMigrationCarriesTheDatabasesOwnMessageToStdoutAndTheReport() throws Exception {
        Path config = configWithFourTables();
        Files.writeString(project.resolve("db/V3__t3.sql"), "CREATE TABLE t3 (id integer PRIMARY KEY);\n"
                + "INSERT INTO t3 (id) VALUES (1);\nINSERT INTO t3 (id) VALUES (1);");
        Path report = project.resolve("run.json");
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "test", "--backup",
                "skip-with-reason=test", "--report", report.toString());
        assertEquals(1, up.exit(), up.out() + up.err());
        String said = switch (dialect) {
            case "postgresql" -> "ERROR: duplicate key value violates unique constraint \"t3_pkey\"";
            case "mariadb" -> "Duplicate entry '1' for key 'PRIMARY'";
            default -> "UNIQUE constraint failed: t3.id";
        };
        assertTrue(up.out().contains("FAILED: 3 t3: line 3: ") && up.out().contains(said), up.out());
        JsonNode failed = new ObjectMapper().readTree(report.toFile()).get("run").get("failed");
        assertTrue(failed.get("error").asText().contains(said), failed.toString());
    }
}
