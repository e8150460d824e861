package dev.drydock.migrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.shared.testing.ScratchDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** plan, test-rollback, restore, and a half-applied MariaDB migration, on the real servers in scratch databases. */
class ServerMigrationTest {

    @TempDir
    Path project;

    private Path config(String url, String dialect) throws IOException {
        Path db = project.resolve("db");
        Files.createDirectories(db);
        Files.writeString(db.resolve("V1__users.sql"), "CREATE TABLE users (id int PRIMARY KEY, email varchar(100));");
        Files.writeString(db.resolve("U1__users.sql"), "DROP TABLE users;");
        Files.writeString(db.resolve("V2__email_index.sql"), "CREATE INDEX users_email_idx ON users (email);");
        Files.writeString(db.resolve("U2__email_index.sql"), dialect.equals("postgresql")
                ? "DROP INDEX users_email_idx;" : "DROP INDEX users_email_idx ON users;");
        return Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db\n  layout: flyway\n"
                + "  dialects: [" + dialect + "]\nvalidator:\n  rules: { non-idempotent-ddl: off }\n"
                + "environments:\n  test: { url: \"" + url + "\" }\n");
    }

    private static long count(ScratchDatabases.Scratch database, String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** plan changes nothing; test-rollback rehearses on its own scratch database; restore brings a backup back. */
    private void planRehearseRestore(Path config, ScratchDatabases.Scratch database, String server, String indexQuery)
            throws Exception {
        Files.writeString(config, Files.readString(config).replace("  test: { url: ", "  test: { backup: { required: true },"
                + " url: ") + "backup:\n  store: \"file:./backups\"\n");
        MigratorRun plan = MigratorRun.of("--config", config.toString(), "plan", "--env", "test");
        assertEquals(0, plan.exit(), plan.out() + plan.err());
        assertTrue(plan.out().contains("-- V2__email_index.sql"), plan.out());
        assertEquals(server.startsWith("jdbc:mariadb:"), plan.out().contains("MySQL and MariaDB commit every DDL"
                + " statement at once"), plan.out());
        assertEquals(0, count(database, indexQuery), "plan applied nothing");

        MigratorRun rehearsal = MigratorRun.of("--config", config.toString(), "test-rollback", "--scratch", server);
        assertEquals(0, rehearsal.exit(), rehearsal.out() + rehearsal.err());
        assertTrue(rehearsal.out().contains("2 rollback(s) rehearsed: 2 hold, 0 do not"), rehearsal.out());
        MigratorRun onItsServer = MigratorRun.of("--config", config.toString(), "test-rollback");
        assertEquals(0, onItsServer.exit(), onItsServer.out() + onItsServer.err());
        assertTrue(onItsServer.out().contains("scratch databases on test's server")
                && onItsServer.out().contains("2 rollback(s) rehearsed: 2 hold"), onItsServer.out());
        assertEquals(0, count(database, indexQuery), "the environment's own database was not touched");

        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "test");
        assertEquals(0, up.exit(), up.out() + up.err());
        String empty = up.out().lines().filter(line -> line.startsWith("backup gate: took and verified "))
                .map(line -> line.substring("backup gate: took and verified ".length())).findFirst().orElseThrow();
        assertEquals(1, count(database, indexQuery));
        MigratorRun restore = MigratorRun.of("--config", config.toString(), "restore", empty, "--env", "test", "--yes");
        assertEquals(0, restore.exit(), restore.out() + restore.err());
        assertTrue(restore.out().contains("safety backup: backup-test-"), restore.out());
        assertEquals(0, count(database, indexQuery), "the backup from before V1 has no index");
        JsonNode status = new ObjectMapper().readTree(
                MigratorRun.of("--config", config.toString(), "status", "--env", "test", "--json").out());
        assertEquals(2, status.get("pending").size());
    }

    @Test
    void postgresqlPlanTestRollbackAndRestore() throws Exception {
        try (ScratchDatabases.Scratch database = ScratchDatabases.postgres()) {
            Path config = config(database.url(), "postgresql");
            planRehearseRestore(config, database, ScratchDatabases.POSTGRES_ADMIN_URL,
                    "SELECT count(*) FROM pg_indexes WHERE indexname = 'users_email_idx'");
        }
    }

    @Test
    void mariadbPlanTestRollbackAndRestore() throws Exception {
        try (ScratchDatabases.Scratch database = ScratchDatabases.mariadb()) {
            Path config = config(database.url(), "mariadb");
            planRehearseRestore(config, database, ScratchDatabases.MARIADB_ADMIN_URL,
                    "SELECT count(*) FROM information_schema.statistics WHERE table_schema = '"
                            + database.name() + "' AND index_name = 'users_email_idx'");
        }
    }

    /** MariaDB commits each DDL statement: a migration that fails halfway stays half applied, and the report says which part. */
    @Test
    void aFailureHalfwayOnMariadbIsReportedStatementByStatementAndRepairClearsIt() throws Exception {
        try (ScratchDatabases.Scratch database = ScratchDatabases.mariadb()) {
            Path config = config(database.url(), "mariadb");
            Files.writeString(project.resolve("db/V3__audit.sql"), "CREATE TABLE audit (id int PRIMARY KEY);\n"
                    + "INSERT INTO audit (id) VALUES (1);\nINSERT INTO audit (id) VALUES (1);");
            Files.writeString(project.resolve("db/U3__audit.sql"), "DROP TABLE audit;");
            MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "test");
            assertEquals(1, up.exit(), up.out() + up.err());
            assertTrue(up.out().contains("stay applied"), up.out());
            assertTrue(up.out().contains("stay applied: \n  CREATE TABLE audit"), up.out());
            assertTrue(up.out().contains("were rolled back:\n  INSERT INTO audit (id) VALUES (1)"), up.out());
            assertEquals(0, count(database, "SELECT count(*) FROM audit"), "the table stayed, the INSERT was rolled back");
            JsonNode status = new ObjectMapper().readTree(
                    MigratorRun.of("--config", config.toString(), "status", "--env", "test", "--json").out());
            assertEquals(1, status.get("failed").size());
            assertEquals(1, MigratorRun.of("--config", config.toString(), "up", "--env", "test").exit(),
                    "the drift gate stops the next run until the failure is settled");
            assertEquals(0, MigratorRun.of("--config", config.toString(), "repair", "--env", "test").exit());
            JsonNode repaired = new ObjectMapper().readTree(
                    MigratorRun.of("--config", config.toString(), "status", "--env", "test", "--json").out());
            assertEquals(0, repaired.get("failed").size());
        }
    }

    /**
     * A PostgreSQL migration marked to run outside a transaction, killed halfway: what it did before stays, so the
     * apply journal's mark is drift until the operator has put it right and run repair.
     */
    @Test
    void aPostgresqlMigrationOutsideATransactionKilledHalfwayIsDriftUntilRepaired() throws Exception {
        try (ScratchDatabases.Scratch database = ScratchDatabases.postgres()) {
            Path config = config(database.url(), "postgresql");
            Files.writeString(project.resolve("db/V3__audit.sql"), "-- drydock:no-transaction\n"
                    + "CREATE TABLE audit (id int PRIMARY KEY);\nSELECT pg_sleep(30);");
            Files.writeString(project.resolve("db/U3__audit.sql"), "DROP TABLE IF EXISTS audit;");
            MigratorRun plan = MigratorRun.of("--config", config.toString(), "plan", "--env", "test");
            assertTrue(plan.out().contains("-- V3__audit.sql (outside a transaction: -- drydock:no-transaction)"),
                    plan.out());
            Process first = ChildMigrator.upUntil(config, "applying 3");
            Thread.sleep(1_000); // into the sleep, past the CREATE TABLE
            first.destroyForcibly();
            assertTrue(first.waitFor(30, TimeUnit.SECONDS));
            assertEquals(1, count(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'audit'"),
                    "outside a transaction the CREATE TABLE stayed");
            MigratorRun status = MigratorRun.of("--config", config.toString(), "status", "--env", "test");
            assertEquals(1, status.exit(), status.out());
            assertTrue(status.out().contains("V3__audit.sql: a migrator died while applying it"), status.out());
            MigratorRun refused = MigratorRun.of("--config", config.toString(), "down", "--env", "test", "--to", "1");
            assertEquals(1, refused.exit(), refused.out() + refused.err());
            assertTrue(refused.err().contains("migrator repair --env test"), refused.err());

            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE audit"); // the operator undoes what stayed
            }
            assertEquals(0, MigratorRun.of("--config", config.toString(), "repair", "--env", "test").exit());
            Files.writeString(project.resolve("db/V3__audit.sql"), "-- drydock:no-transaction\n"
                    + "CREATE TABLE audit (id int PRIMARY KEY);");
            MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "test");
            assertEquals(0, up.exit(), up.out() + up.err());
            assertEquals(3, count(database, "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL"));
        }
    }
}
