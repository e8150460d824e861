package dev.drydock.migrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.shared.testing.ScratchDatabases;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.FastCheckService;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The liquibase layout: a formatted SQL changelog's changesets applied and rolled back by the migrator, which keeps
 * Liquibase's {@code DATABASECHANGELOG}; real Liquibase (4.33, in-process) and the migrator agree both ways.
 */
class LiquibaseHistoryTest {

    private static final String FIRST_TWO = """
            --liquibase formatted sql

            --changeset alice:1
            CREATE TABLE users (id int PRIMARY KEY, email text);
            --rollback DROP TABLE users;

            --changeset alice:2 comment:"an index"
            CREATE INDEX users_email_idx ON users (email);
            --rollback DROP INDEX users_email_idx;
            """;

    private static final String LAST_TWO = """

            --changeset bob:3 splitStatements:false
            CREATE FUNCTION answer() RETURNS int AS 'SELECT 42' LANGUAGE sql;
            /* liquibase rollback
            DROP FUNCTION answer();
            */

            --changeset bob:4 runInTransaction:false
            CREATE INDEX CONCURRENTLY users_id_email_idx ON users (id, email);
            --rollback DROP INDEX CONCURRENTLY users_id_email_idx;
            """;

    @TempDir
    Path project;

    @Test
    void liquibaseAndTheMigratorAgreeBothWaysOnPostgresql() throws Exception {
        try (ScratchDatabases.Scratch database = ScratchDatabases.postgres()) {
            Path db = Files.createDirectories(project.resolve("db"));
            Path changelog = Files.writeString(db.resolve("changelog.sql"), FIRST_TWO);
            liquibaseUpdate(database.url(), db);
            Files.writeString(changelog, FIRST_TWO + LAST_TWO);
            Path config = Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db\n"
                    + "  layout: liquibase\n  dialects: [postgresql]\nvalidator:\n  rules: { non-idempotent-ddl: off,"
                    + " missing-lock-timeout: off }\nenvironments:\n  dev: { url: \"" + database.url() + "\" }\n");

            JsonNode status = status(config);
            assertEquals("databasechangelog", status.get("migrationState").get("table").asText());
            assertEquals(List.of("alice:1", "alice:2"), descriptions(status.get("applied")));
            assertEquals(List.of("bob:3", "bob:4"), descriptions(status.get("pending")));

            MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
            assertEquals(0, up.exit(), up.out() + up.err());
            assertEquals(List.of("42"), strings(database.url(), "SELECT answer()"));
            assertEquals(List.of("alice:1:EXECUTED", "alice:2:EXECUTED", "bob:3:EXECUTED", "bob:4:EXECUTED"),
                    strings(database.url(), "SELECT author || ':' || id || ':' || exectype FROM databasechangelog"
                            + " ORDER BY orderexecuted"));
            assertEquals(0, unrun(database.url(), db), "Liquibase sees every changeset run");
            liquibaseUpdate(database.url(), db); // would fail on the existing function if it ran bob:3 again
            assertEquals(List.of("0"), strings(database.url(), "SELECT count(*) FROM databasechangelog WHERE"
                    + " md5sum IS NULL"), "Liquibase filled in the checksums the migrator left to it");

            MigratorRun down = MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to", "1");
            assertEquals(0, down.exit(), down.out() + down.err());
            assertEquals(List.of("alice:1"), strings(database.url(), "SELECT author || ':' || id FROM databasechangelog"));
            assertEquals(List.of("0"), strings(database.url(), "SELECT count(*) FROM pg_proc WHERE proname = 'answer'"));
            assertEquals(3, unrun(database.url(), db));
            liquibaseUpdate(database.url(), db);
            assertEquals(0, status(config).get("pending").size());
        }
    }

    @Test
    void aChangesetThatFailsWithFailOnErrorFalseIsLeftPendingAndTheRunGoesOnAsLiquibaseDoes() throws Exception {
        Path db = Files.createDirectories(project.resolve("db"));
        Files.writeString(db.resolve("changelog.sql"), """
                --liquibase formatted sql

                --changeset carol:1
                CREATE TABLE items (id integer PRIMARY KEY);
                INSERT INTO items (id) VALUES (1);
                --rollback DROP TABLE items;

                --changeset carol:2 failOnError:false
                INSERT INTO items (id) VALUES (1);
                --rollback DELETE FROM items WHERE id = 1;

                --changeset carol:3
                CREATE TABLE tags (id integer PRIMARY KEY);
                --rollback DROP TABLE tags;
                """);
        String url = "jdbc:sqlite:" + project.resolve("app.db");
        Path config = Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db\n"
                + "  layout: liquibase\n  dialects: [sqlite]\nvalidator:\n  rules: { non-idempotent-ddl: off }\n"
                + "environments:\n  dev: { url: \"" + url + "\" }\n");
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
        assertEquals(0, up.exit(), up.out() + up.err());
        assertTrue(up.out().contains("left pending and going on"), up.out());
        assertEquals(List.of("carol:1:EXECUTED", "carol:3:EXECUTED"), strings(url,
                "SELECT author || ':' || id || ':' || exectype FROM DATABASECHANGELOG ORDER BY orderexecuted"));
        assertEquals(List.of("1"), strings(url, "SELECT count(*) FROM items"), "the failed insert was rolled back");
        String byLiquibase = "jdbc:sqlite:" + project.resolve("liquibase.db");
        liquibaseUpdate(byLiquibase, db);
        assertEquals(strings(url, "SELECT author || ':' || id || ':' || exectype FROM DATABASECHANGELOG ORDER BY"
                + " orderexecuted"), strings(byLiquibase, "SELECT author || ':' || id || ':' || exectype FROM"
                + " DATABASECHANGELOG ORDER BY orderexecuted"), "Liquibase itself records the same");
        assertEquals(List.of("carol:2"), descriptions(status(config).get("pending")));

        MigratorRun down = MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to", "1");
        assertEquals(0, down.exit(), down.out() + down.err());
        assertEquals(List.of("carol:1"), strings(url, "SELECT author || ':' || id FROM DATABASECHANGELOG"));
        assertFalse(strings(url, "SELECT name FROM sqlite_master WHERE type = 'table'").contains("tags"));
    }

    @Test
    void aChangesetRunOnlyInSomeContextsIsRefusedBeforeAnythingRuns() throws Exception {
        Path db = Files.createDirectories(project.resolve("db"));
        Files.writeString(db.resolve("changelog.sql"), """
                --liquibase formatted sql

                --changeset dave:1
                CREATE TABLE items (id integer PRIMARY KEY);
                --rollback DROP TABLE items;

                --changeset dave:2 context:test
                INSERT INTO items (id) VALUES (1);
                --rollback DELETE FROM items WHERE id = 1;
                """);
        String url = "jdbc:sqlite:" + project.resolve("app.db");
        Path config = Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db\n"
                + "  layout: liquibase\n  dialects: [sqlite]\nvalidator:\n  rules: { non-idempotent-ddl: off }\n"
                + "environments:\n  dev: { url: \"" + url + "\" }\n");
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
        assertEquals(2, up.exit(), up.out() + up.err());
        assertTrue(up.err().contains("changeset dave:2 has context:test, which Drydock does not honour"), up.err());
        assertFalse(strings(url, "SELECT name FROM sqlite_master WHERE type = 'table'").contains("items"));
    }

    /**
     * Liquibase's update, as a fresh Liquibase process runs it: without the in-process "already up to date" memory
     * ({@code FastCheckService}) of an earlier update in this JVM, which would skip reading the history again.
     */
    private static void liquibaseUpdate(String url, Path dir) throws Exception {
        Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
        try (Connection connection = DriverManager.getConnection(url)) {
            liquibase(connection, dir).update(new Contexts(), new LabelExpression());
        }
    }

    private static int unrun(String url, Path dir) throws Exception {
        try (Connection connection = DriverManager.getConnection(url)) {
            return liquibase(connection, dir).listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
        }
    }

    @SuppressWarnings("deprecation") // Liquibase's facade is still how 4.x is driven from Java
    private static Liquibase liquibase(Connection connection, Path dir) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        return new Liquibase("changelog.sql", new DirectoryResourceAccessor(dir.toFile()), database);
    }

    private static JsonNode status(Path config) throws Exception {
        MigratorRun run = MigratorRun.of("--config", config.toString(), "status", "--env", "dev", "--json");
        assertEquals(0, run.exit(), run.out() + run.err());
        return new ObjectMapper().readTree(run.out());
    }

    private static List<String> descriptions(JsonNode entries) {
        List<String> names = new ArrayList<>();
        entries.forEach(entry -> names.add(entry.get("description").asText()));
        return names;
    }

    private static List<String> strings(String url, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
