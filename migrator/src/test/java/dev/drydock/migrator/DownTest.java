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
 * {@code down --to} on SQLite, PostgreSQL and MariaDB: paired rollbacks newest first, the history kept true,
 * refusals and --force.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
class DownTest extends PerDatabaseTest {

    private Path config;

    DownTest(String dialect) {
        super(dialect, "dev.db");
    }

    private String dropIndex(String index, String table) {
        return "DROP INDEX IF EXISTS " + index + (dialect.equals("mariadb") ? " ON " + table : "") + ";";
    }

    private void setUp(String rollbackOfNotes) throws IOException {
        Path db = project.resolve("db");
        Files.createDirectories(db);
        Files.writeString(db.resolve("V1__users.sql"),
                "CREATE TABLE IF NOT EXISTS users (id integer PRIMARY KEY, email varchar(100));");
        Files.writeString(db.resolve("U1__users.sql"), "DROP TABLE IF EXISTS users;");
        Files.writeString(db.resolve("V2__email_index.sql"), "CREATE INDEX IF NOT EXISTS users_email_idx ON users (email);");
        Files.writeString(db.resolve("U2__email_index.sql"), dropIndex("users_email_idx", "users"));
        Files.writeString(db.resolve("V3__notes.sql"), "CREATE TABLE IF NOT EXISTS notes (id integer PRIMARY KEY);\n"
                + "CREATE INDEX IF NOT EXISTS notes_id_idx ON notes (id);");
        if (rollbackOfNotes != null) {
            Files.writeString(db.resolve("U3__notes.sql"), rollbackOfNotes);
        }
        config = Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db\n  layout: flyway\n"
                + "  dialects: [" + dialect + "]\nvalidator:\n"
                + "  rules: { rollback-missing: warning, rollback-not-inverse: warning }\n"
                + "environments:\n  dev: { url: \"" + database.url() + "\" }\n");
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
        assertEquals(0, up.exit(), up.out() + up.err());
    }

    @Test
    void rollsBackNewestFirstAndUpAppliesAgain() throws Exception {
        setUp("DROP TABLE IF EXISTS notes;");
        MigratorRun down = MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to", "1");
        assertEquals(0, down.exit(), down.out() + down.err());
        assertTrue(down.out().indexOf("rolled back 3") < down.out().indexOf("rolled back 2"), down.out());
        assertTrue(database.hasTable("users"));
        assertFalse(database.hasTable("notes"));
        assertFalse(database.hasIndex("users_email_idx"));
        assertEquals(List.of("1"), database.appliedVersions());
        assertEquals(List.of("3", "2"), database.query("SELECT version FROM drydock_rollback_history"
                + " ORDER BY rolled_back_at"));
        JsonNode status = new ObjectMapper().readTree(
                MigratorRun.of("--config", config.toString(), "status", "--env", "dev", "--json").out());
        assertEquals("1", status.get("current").asText());
        assertEquals(2, status.get("pending").size());
        assertEquals(0, MigratorRun.of("--config", config.toString(), "up", "--env", "dev").exit());
        assertEquals(List.of("1", "2", "3"), database.appliedVersions());
        assertTrue(database.hasIndex("users_email_idx"));
    }

    @Test
    void aRollbackThatIsNoInverseIsRefusedUnlessForcedWithAReason() throws Exception {
        setUp(dropIndex("notes_id_idx", "notes"));
        MigratorRun refused = MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to", "2");
        assertEquals(1, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("would not bring the schema back"), refused.err());
        assertTrue(refused.err().contains("table notes is left behind"), refused.err());
        assertEquals(List.of("1", "2", "3"), database.appliedVersions());

        assertEquals(2, MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to", "2", "--force").exit());
        MigratorRun forced = MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to", "2",
                "--force", "--reason", "notes is dropped by hand");
        assertEquals(0, forced.exit(), forced.out() + forced.err());
        assertEquals(List.of("notes is dropped by hand"), database.query("SELECT forced_reason FROM drydock_rollback_history"));
        assertEquals(List.of("1", "2"), database.appliedVersions());
    }

    @Test
    void aMissingRollbackIsRefused() throws Exception {
        setUp(null);
        MigratorRun refused = MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to", "1");
        assertEquals(1, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("3: there is no rollback file"), refused.err());
        assertEquals(List.of("1", "2", "3"), database.appliedVersions());
    }
}
