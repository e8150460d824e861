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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** status and up on a real SQLite file, through Flyway and its history table, for two layouts. */
class SqliteMigrationTest {

    @TempDir
    Path project;

    private Path config(String layout, String extraEnvironment) throws IOException {
        Files.createDirectories(project.resolve("db"));
        return Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db\n  layout: " + layout
                + "\n  dialects: [sqlite]\nenvironments:\n  dev: { url: \"jdbc:sqlite:./dev.db\" }\n" + extraEnvironment);
    }

    private void write(String name, String sql) throws IOException {
        Path file = project.resolve("db").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
    }

    private List<String> history() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("dev.db"));
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT version, success FROM flyway_schema_history"
                     + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (result.next()) {
                rows.add(result.getString(1) + ":" + result.getInt(2));
            }
        }
        return rows;
    }

    private List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + project.resolve("dev.db"));
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                     + " AND name NOT LIKE 'flyway%' AND name NOT LIKE 'sqlite%' ORDER BY name")) {
            while (result.next()) {
                names.add(result.getString(1));
            }
        }
        return names;
    }

    private void flywayPair(String version, String name, String forward, String rollback) throws IOException {
        write("V" + version + "__" + name + ".sql", forward);
        write("U" + version + "__" + name + ".sql", rollback);
    }

    @Test
    void upAppliesThePendingMigrationsAndStatusShowsThem() throws Exception {
        Path config = config("flyway", "");
        flywayPair("1", "users", "CREATE TABLE IF NOT EXISTS users (id integer PRIMARY KEY, name text);",
                "DROP TABLE IF EXISTS users;");
        flywayPair("2", "notes", "CREATE TABLE IF NOT EXISTS notes (id integer PRIMARY KEY, body text);",
                "DROP TABLE IF EXISTS notes;");

        MigratorRun before = MigratorRun.of("--config", config.toString(), "status", "--env", "dev", "--json");
        assertEquals(0, before.exit(), before.err());
        JsonNode pending = new ObjectMapper().readTree(before.out());
        assertEquals(2, pending.get("pending").size());
        assertTrue(pending.get("current").isNull());

        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
        assertEquals(0, up.exit(), up.out() + up.err());
        assertTrue(up.out().contains("applied  1"), up.out());
        assertEquals(List.of("1:1", "2:1"), history());
        assertEquals(List.of("notes", "users"), tables(), "the rollbacks (U files) never ran");

        JsonNode after = new ObjectMapper().readTree(
                MigratorRun.of("--config", config.toString(), "status", "--env", "dev", "--json").out());
        assertEquals("2", after.get("current").asText());
        assertEquals(2, after.get("applied").size());
        assertEquals(0, after.get("pending").size());
        assertTrue(after.get("success").asBoolean());
        assertEquals("V1__users.sql", after.get("applied").get(0).get("script").asText());
    }

    @Test
    void withFlywaysHistoryOtherLayoutsApplyUnderTheirCanonicalVersions() throws Exception {
        Path config = config("golang-migrate\n  history: flyway", "");
        write("000001_create_users.up.sql", "CREATE TABLE users (id integer PRIMARY KEY);");
        write("000001_create_users.down.sql", "DROP TABLE users;");
        write("000002_add_posts.up.sql", "CREATE TABLE posts (id integer PRIMARY KEY);");
        write("000002_add_posts.down.sql", "DROP TABLE posts;");
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev", "--to", "1");
        assertEquals(0, up.exit(), up.out() + up.err());
        assertEquals(List.of("1:1"), history());
        assertEquals(List.of("users"), tables());
        assertEquals(0, MigratorRun.of("--config", config.toString(), "up", "--env", "dev").exit());
        assertEquals(List.of("1:1", "2:1"), history());
    }

    @Test
    void theValidatorGateRefusesAndNothingIsApplied() throws Exception {
        Path config = config("flyway", "");
        flywayPair("1", "users", "CREATE TABLE IF NOT EXISTS users (id integer PRIMARY KEY);", "DROP TABLE IF EXISTS users;");
        flywayPair("2", "broken", "ALTER TABLE users ADD COLUMN email text UNIQUE;", "ALTER TABLE users DROP COLUMN email;");
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
        assertEquals(1, up.exit(), up.out());
        assertTrue(up.err().contains("refused: the validator found"), up.err());
        assertTrue(up.err().contains("sqlite-add-column-restriction"), up.err());
        assertFalse(Files.exists(project.resolve("dev.db")) && !tables().isEmpty(), "nothing may be applied");
    }

    @Test
    void eachRunWritesItsReportAndPrometheusTextfile() throws Exception {
        Path config = config("flyway", "");
        flywayPair("1", "users", "CREATE TABLE IF NOT EXISTS users (id integer PRIMARY KEY);", "DROP TABLE IF EXISTS users;");
        flywayPair("2", "seed", "INSERT INTO users (id) VALUES (1);\nINSERT INTO users (id) VALUES (1);",
                "DELETE FROM users WHERE id = 1;");
        Path metrics = project.resolve("textfile/drydock_migrator.prom");
        Path report = project.resolve("run.json");
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev", "--metrics-file",
                metrics.toString(), "--report", report.toString());
        assertEquals(1, up.exit(), up.out());
        String text = Files.readString(metrics);
        assertTrue(text.contains("drydock_migration_duration_seconds{environment=\"dev\",version=\"1\"} "), text);
        assertTrue(text.contains("drydock_migrator_migration_failures{environment=\"dev\"} 1"), text);
        assertTrue(text.contains("drydock_migrator_last_run_success{environment=\"dev\"} 0"), text);
        assertTrue(text.contains("# TYPE drydock_migrator_run_duration_seconds gauge"), text);
        JsonNode run = new ObjectMapper().readTree(report.toFile());
        assertFalse(run.get("success").asBoolean());
        assertEquals("1", run.get("run").get("applied").get(0).get("version").asText());
        assertEquals("2", run.get("run").get("failed").get("version").asText());
        JsonNode status = new ObjectMapper().readTree(MigratorRun.of("--config", config.toString(), "status", "--env",
                "dev", "--json").out());
        assertEquals(status.get("applied").get(0).get("executionMillis").asLong(),
                run.get("run").get("applied").get(0).get("millis").asLong(), "the report and status agree on the time");
        assertTrue(up.out().contains("applying 2 seed ..."), up.out());
        assertTrue(up.out().contains("The failed migration was rolled back"), up.out());

        Files.writeString(project.resolve("db/V2__seed.sql"), "INSERT INTO users (id) VALUES (1);");
        assertEquals(0, MigratorRun.of("--config", config.toString(), "up", "--env", "dev", "--metrics-file",
                metrics.toString()).exit());
        assertTrue(Files.readString(metrics).contains("drydock_migrator_last_run_success{environment=\"dev\"} 1"));
        try (var files = Files.list(metrics.getParent())) {
            assertEquals(1, files.count(), "no partial file is left beside the textfile");
        }
    }

    @Test
    void anAppliedMigrationEditedAfterwardsIsDrift() throws Exception {
        Path config = config("flyway", "");
        flywayPair("1", "users", "CREATE TABLE IF NOT EXISTS users (id integer PRIMARY KEY);", "DROP TABLE IF EXISTS users;");
        assertEquals(0, MigratorRun.of("--config", config.toString(), "up", "--env", "dev").exit());
        write("V1__users.sql", "CREATE TABLE IF NOT EXISTS users (id integer PRIMARY KEY, name text);");
        MigratorRun status = MigratorRun.of("--config", config.toString(), "status", "--env", "dev");
        assertEquals(1, status.exit(), status.out());
        assertTrue(status.out().contains("edited after it was applied"), status.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path config = config("flyway", "  production: { url: \"jdbc:sqlite:./prod.db\", protected: true }\n"
                + "  edge: { url: \"d1:app-db\", wrangler: { command: \"/nonexistent/wrangler\" } }\n"
                + "  odd: { url: \"mongodb://127.0.0.1/app\" }\n");
        flywayPair("1", "users", "CREATE TABLE IF NOT EXISTS users (id integer PRIMARY KEY);", "DROP TABLE IF EXISTS users;");
        MigratorRun unknown = MigratorRun.of("--config", config.toString(), "status", "--env", "staging");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no environment 'staging'"), unknown.err());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        MigratorRun badMode = MigratorRun.of("--config", config.toString(), "up", "--env", "dev", "--backup", "skip");
        assertEquals(2, badMode.exit());
        assertTrue(badMode.err().contains("a reason is required"), badMode.err());
        MigratorRun odd = MigratorRun.of("--config", config.toString(), "status", "--env", "odd");
        assertEquals(2, odd.exit(), odd.out() + odd.err());
        assertTrue(odd.err().contains("environments.odd.url: the migrator works on JDBC URLs"), odd.err());
        assertTrue(odd.err().contains("and Cloudflare D1 databases (d1:<database>)"), odd.err());
        MigratorRun d1 = MigratorRun.of("--config", config.toString(), "status", "--env", "edge");
        assertEquals(2, d1.exit(), d1.out() + d1.err());
        assertTrue(d1.err().contains("cannot run wrangler (/nonexistent/wrangler)") && d1.err().contains("set"
                + " wrangler.command in drydock.yaml"), d1.err());
        assertEquals(1, d1.err().lines().count(), d1.err());
        for (String command : List.of("create", "validate", "status", "plan", "up", "down", "test-rollback", "restore",
                "repair", "baseline")) {
            MigratorRun help = MigratorRun.of(command, "--help");
            assertEquals(0, help.exit(), command);
            String examples = help.out().substring(Math.max(0, help.out().indexOf("Examples:")));
            assertTrue(examples.contains("  migrator ") && examples.contains(" " + command), command + ":\n" + help.out());
        }
    }
}
