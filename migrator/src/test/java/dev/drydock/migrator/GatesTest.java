package dev.drydock.migrator;

import dev.drydock.backup.BackupService;
import dev.drydock.backup.BackupSetup;
import dev.drydock.backup.catalog.Catalog;
import dev.drydock.backup.metrics.BackupMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gates of {@code up} on a protected environment, on SQLite, PostgreSQL and MariaDB: backup taken, reused,
 * renewed when stale or of another migration state; confirmation refused without a terminal, typed on one.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
class GatesTest extends PerDatabaseTest {


    GatesTest(String dialect) {
        super(dialect, "prod.db");
    }

    private Path config(String maxAge) throws IOException {
        Path db = project.resolve("db");
        Files.createDirectories(db);
        Files.writeString(db.resolve("V1__users.sql"), "CREATE TABLE IF NOT EXISTS users (id integer PRIMARY KEY);");
        Files.writeString(db.resolve("U1__users.sql"), "DROP TABLE IF EXISTS users;");
        return Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db\n  layout: flyway\n"
                + "  dialects: [" + dialect + "]\nenvironments:\n  production:\n    url: \"" + database.url() + "\"\n"
                + "    protected: true\n    backup: { required: true, maxAge: " + maxAge + " }\n"
                + "backup:\n  store: \"file:./backups\"\n");
    }

    private void addMigration(String version, String table) throws IOException {
        Files.writeString(project.resolve("db/V" + version + "__" + table + ".sql"),
                "CREATE TABLE IF NOT EXISTS " + table + " (id integer PRIMARY KEY);");
        Files.writeString(project.resolve("db/U" + version + "__" + table + ".sql"), "DROP TABLE IF EXISTS " + table + ";");
    }

    private List<Catalog.Entry> backups(Path config) throws IOException {
        return new Catalog(BackupSetup.load(config).store()).entries(Optional.of("production"));
    }

    private int applied() throws Exception {
        return database.appliedVersions().size();
    }

    @Test
    void withoutABackupOneIsTakenAndVerifiedFirst() throws Exception {
        Path config = config("24h");
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "production", "--yes");
        assertEquals(0, up.exit(), up.out() + up.err());
        assertTrue(up.out().contains("there is no backup of production; taking one now"), up.out());
        assertTrue(up.out().contains("took and verified"), up.out());
        List<Catalog.Entry> backups = backups(config);
        assertEquals(1, backups.size());
        assertEquals("verified", backups.get(0).status());
        assertEquals(1, applied());
    }

    @Test
    void aFreshVerifiedBackupOfTheSameStateIsUsedAndAStaleOneIsNot() throws Exception {
        Path config = config("5s");
        assertEquals(0, MigratorRun.of("--config", config.toString(), "up", "--env", "production", "--yes").exit());
        new BackupService(BackupSetup.load(config), new BackupMetrics(), Clock.systemUTC())
                .backup("production", "checksum", line -> { });
        addMigration("2", "orders");
        MigratorRun reused = MigratorRun.of("--config", config.toString(), "up", "--env", "production", "--yes");
        assertEquals(0, reused.exit(), reused.out() + reused.err());
        assertTrue(reused.out().contains("holds the database's migration state"), reused.out());
        assertEquals(2, backups(config).size(), "no backup taken");

        addMigration("3", "invoices");
        MigratorRun otherState = MigratorRun.of("--config", config.toString(), "up", "--env", "production", "--yes");
        assertTrue(otherState.out().contains("was taken at another migration state"), otherState.out());
        assertEquals(3, backups(config).size());

        Thread.sleep(5_500);
        addMigration("4", "payments");
        MigratorRun stale = MigratorRun.of("--config", config.toString(), "up", "--env", "production", "--yes");
        assertEquals(0, stale.exit(), stale.out() + stale.err());
        assertTrue(stale.out().contains("over maxAge"), stale.out());
        assertEquals(4, backups(config).size());
        assertEquals(4, applied());
    }

    @Test
    void withoutATerminalAndWithoutYesItRefuses() throws Exception {
        Path config = config("24h");
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "production");
        assertEquals(1, up.exit(), up.out() + up.err());
        assertTrue(up.err().contains("no terminal to confirm on"), up.err());
        assertEquals(0, applied());
        assertEquals(0, backups(config).size(), "refused before the backup gate, not after a backup it cannot use");
        MigratorRun down = MigratorRun.of("--config", config.toString(), "down", "--env", "production", "--to", "0");
        assertEquals(1, down.exit());
        assertTrue(down.err().contains("no terminal to confirm on"), down.err());
    }

    /** The confirmation through a real pseudo-terminal (util-linux {@code script}): a wrong name refuses, the right one applies. */
    @Test
    void theOperatorTypesTheEnvironmentsNameOnATerminal() throws Exception {
        Path config = config("24h");
        Run wrong = underPseudoTerminal(config, "prod\n");
        assertTrue(wrong.output().contains("Type the environment's name (production) to apply:"), wrong.output());
        assertTrue(wrong.output().contains("did not match"), wrong.output());
        assertEquals(0, applied());
        Run right = underPseudoTerminal(config, "production\n");
        assertEquals(0, right.exit(), right.output());
        assertEquals(1, applied());
    }

    private record Run(int exit, String output) {
    }

    private Run underPseudoTerminal(Path config, String typed) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
                + "dev.drydock.migrator.cli.MigratorCommand --config '" + config + "' up --env production";
        Process process = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true).start();
        process.getOutputStream().write(typed.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the migrator did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.exitValue(), output);
    }
}
