package dev.drydock.migrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code down --to} on SQLite: paired rollbacks newest first, the history kept true, refusals and --force. */
class DownTest {

    @TempDir
    Path project;

    private Path config;

    private void setUp(String rollbackOfNotes) throws IOException {
        Path db = project.resolve("db");
        Files.createDirectories(db);
        Files.writeString(db.resolve("V1__users.sql"), "CREATE TABLE IF NOT EXISTS users (id integer PRIMARY KEY, email text);");
        Files.writeString(db.resolve("U1__users.sql"), "DROP TABLE IF EXISTS users;");
        Files.writeString(db.resolve("V2__email_index.sql"), "CREATE INDEX IF NOT EXISTS users_email_idx ON users (email);");
        Files.writeString(db.resolve("U2__email_index.sql"), "DROP INDEX IF EXISTS users_email_idx;");
        Files.writeString(db.resolve("V3__notes.sql"), "CREATE TABLE IF NOT EXISTS notes (id integer PRIMARY KEY);\n"
                + "CREATE INDEX IF NOT EXISTS notes_id_idx ON notes (id);");
        if (rollbackOfNotes != null) {
            Files.writeString(db.resolve("U3__notes.sql"), rollbackOfNotes);
        }
        config = Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db\n  layout: flyway\n"
                + "  dialects: [sqlite]\nvalidator:\n  rules: { rollback-missing: warning, rollback-not-inverse: warning }\n"
                + "environments:\n  dev: { url: \"jdbc:sqlite:./dev.db\" }\n");
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
        assertEquals(0, up.exit(), up.out() + up.err());
    }

    private List<String> query(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("dev.db"));
             Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    @Test
    void rollsBackNewestFirstAndUpAppliesAgain() throws Exception {
        setUp("DROP TABLE IF EXISTS notes;");
        MigratorRun down = MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to", "1");
        assertEquals(0, down.exit(), down.out() + down.err());
        assertTrue(down.out().indexOf("rolled back 3") < down.out().indexOf("rolled back 2"), down.out());
        assertEquals(List.of("users"), query("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')"
                + " AND name NOT LIKE 'flyway%' AND name NOT LIKE 'drydock%' AND name NOT LIKE 'sqlite%'"));
        assertEquals(List.of("1"), query("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"));
        assertEquals(List.of("3", "2"), query("SELECT version FROM drydock_rollback_history ORDER BY rolled_back_at, rowid"));
        JsonNode status = new ObjectMapper().readTree(
                MigratorRun.of("--config", config.toString(), "status", "--env", "dev", "--json").out());
        assertEquals("1", status.get("current").asText());
        assertEquals(2, status.get("pending").size());
        assertEquals(0, MigratorRun.of("--config", config.toString(), "up", "--env", "dev").exit());
        assertEquals(List.of("1", "2", "3"), query("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"
                + " ORDER BY installed_rank"));
    }

    @Test
    void aRollbackThatIsNoInverseIsRefusedUnlessForcedWithAReason() throws Exception {
        setUp("DROP INDEX IF EXISTS notes_id_idx;");
        MigratorRun refused = MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to", "2");
        assertEquals(1, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("would not bring the schema back"), refused.err());
        assertTrue(refused.err().contains("table notes is left behind"), refused.err());
        assertEquals(List.of("1", "2", "3"), query("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"));

        assertEquals(2, MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to", "2", "--force").exit());
        MigratorRun forced = MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to", "2",
                "--force", "--reason", "notes is dropped by hand");
        assertEquals(0, forced.exit(), forced.out() + forced.err());
        assertEquals(List.of("notes is dropped by hand"), query("SELECT forced_reason FROM drydock_rollback_history"));
    }

    @Test
    void aMissingRollbackIsRefused() throws Exception {
        setUp(null);
        MigratorRun refused = MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to", "1");
        assertEquals(1, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("3: there is no rollback file"), refused.err());
        assertEquals(List.of("1", "2", "3"), query("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"));
    }
}
