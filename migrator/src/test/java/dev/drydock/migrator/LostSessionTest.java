package dev.drydock.migrator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the servers, a migrator whose sessions are ended under it — the one that holds its lock, or the one applying a
 * migration (an operator's pg_terminate_backend or KILL, a failover) — stops with exit 3 and one clear line, and
 * never goes on without its lock.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"postgresql", "mariadb"})
class LostSessionTest extends PerDatabaseTest {

    LostSessionTest(String dialect) {
        super(dialect, "app.db");
    }

    private Path config() throws IOException {
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("db/V1__one.sql"), "CREATE TABLE one (id int);");
        Files.writeString(project.resolve("db/V2__slow.sql"), dialect.equals("postgresql") ? "SELECT pg_sleep(4);"
                : "SELECT SLEEP(4);");
        Files.writeString(project.resolve("db/V3__three.sql"), "CREATE TABLE three (id int);");
        Files.writeString(project.resolve("db/U1__one.sql"), "DROP TABLE one;");
        Files.writeString(project.resolve("db/U2__slow.sql"), "SELECT 1;");
        Files.writeString(project.resolve("db/U3__three.sql"), "DROP TABLE three;");
        return Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db\n  layout: flyway\n"
                + "  dialects: [" + dialect + "]\nenvironments:\n  test: { url: \"" + database.url() + "\" }\n");
    }

    @Test
    void aLostLockStopsTheRunBeforeTheNextMigration() throws Exception {
        Process up = ChildMigrator.upUntil(config(), "applying 2");
        end(dialect.equals("postgresql")
                ? "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = 6582905 AND objid = 1685021547"
                : "SELECT is_used_lock(concat('drydock_migrator_', database()))");
        String rest = rest(up);
        assertEquals(3, up.exitValue(), rest);
        assertTrue(rest.contains("migrator: the migration lock was lost"), rest);
        assertEquals(List.of("1", "2"), database.appliedVersions(), "V2 finished on its own connection; V3 never started");
        assertFalse(database.hasTable("three"));
    }

    @Test
    void aTerminatedSessionIsOneClearLineAndExitThree() throws Exception {
        Process up = ChildMigrator.upUntil(config(), "applying 2");
        end(dialect.equals("postgresql")
                ? "SELECT pid FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'"
                : "SELECT id FROM information_schema.processlist WHERE info LIKE 'SELECT SLEEP%'");
        String rest = rest(up);
        assertEquals(3, up.exitValue(), rest);
        assertTrue(rest.contains("migrator: the connection to test was lost during the run"), rest);
        assertFalse(rest.contains("\tat "), "no stack trace: " + rest);
        assertFalse(database.hasTable("three"));
    }

    /** Ends the session whose id the query finds, as an operator would, once it shows up. */
    private void end(String findSession) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            List<String> sessions = database.query(findSession).stream().filter(id -> id != null).toList();
            if (!sessions.isEmpty()) {
                for (String session : sessions) {
                    database.execute(dialect.equals("postgresql") ? "SELECT pg_terminate_backend(" + session + ")"
                            : "KILL " + session);
                }
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no session found by " + findSession);
    }

    private static String rest(Process process) throws Exception {
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the migrator ended");
        try (InputStream out = process.getInputStream()) {
            return new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
