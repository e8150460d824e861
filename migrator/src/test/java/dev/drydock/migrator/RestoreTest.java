package dev.drydock.migrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.backup.BackupSetup;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Verification;
import dev.drydock.backup.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code restore BACKUP_ID} on SQLite: archive checked, safety backup first, the history state shown after. */
class RestoreTest {

    @TempDir
    Path project;

    @Test
    void restoresTheEnvironmentAfterASafetyBackup() throws Exception {
        Path db = project.resolve("db");
        Files.createDirectories(db);
        Files.writeString(db.resolve("V1__users.sql"), "CREATE TABLE IF NOT EXISTS users (id integer PRIMARY KEY);");
        Files.writeString(db.resolve("U1__users.sql"), "DROP TABLE IF EXISTS users;");
        Path config = Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db\n  layout: flyway\n"
                + "  dialects: [sqlite]\nenvironments:\n  dev:\n    url: \"jdbc:sqlite:./dev.db\"\n"
                + "    backup: { required: true }\nbackup:\n  store: \"file:./backups\"\n");
        assertEquals(0, MigratorRun.of("--config", config.toString(), "up", "--env", "dev").exit());
        Files.writeString(db.resolve("V2__notes.sql"), "CREATE TABLE IF NOT EXISTS notes (id integer PRIMARY KEY);");
        Files.writeString(db.resolve("U2__notes.sql"), "DROP TABLE IF EXISTS notes;");
        assertEquals(0, MigratorRun.of("--config", config.toString(), "up", "--env", "dev").exit());
        List<Catalog.Entry> before = new Catalog(BackupSetup.load(config).store()).entries(Optional.of("dev"));
        assertEquals(2, before.size());
        String atVersionOne = before.get(1).id().toString();

        MigratorRun restore = MigratorRun.of("--config", config.toString(), "restore", atVersionOne, "--env", "dev", "--yes");
        assertEquals(0, restore.exit(), restore.out() + restore.err());
        assertTrue(restore.out().contains("safety backup: backup-dev-"), restore.out());
        assertEquals(3, new Catalog(BackupSetup.load(config).store()).entries(Optional.of("dev")).size());
        JsonNode status = new ObjectMapper().readTree(
                MigratorRun.of("--config", config.toString(), "status", "--env", "dev", "--json").out());
        assertEquals("1", status.get("current").asText());
        assertEquals("2", status.get("pending").get(0).get("version").asText());

        BackupSetup setup = BackupSetup.load(config);
        BackupId latest = new Catalog(setup.store()).entries(Optional.of("dev")).get(0).id();
        setup.store().writeVerification(latest, new Verification("restore", false, "2026-11-29T02:00:00Z",
                List.of("row counts"), List.of("table main.notes has 0 rows after the restore, 7 in the manifest")));
        MigratorRun refused = MigratorRun.of("--config", config.toString(), "restore", latest.toString(), "--env", "dev", "--yes");
        assertEquals(1, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("refused: ") && refused.err().contains("failed its last verification"),
                refused.err());
        assertEquals(3, new Catalog(setup.store()).entries(Optional.of("dev")).size(), "no safety backup for a refused restore");
        MigratorRun overridden = MigratorRun.of("--config", config.toString(), "restore", latest.toString(), "--env", "dev",
                "--yes", "--ignore-failed-verification", "the record is from a scratch server outage");
        assertEquals(0, overridden.exit(), overridden.out() + overridden.err());
        assertTrue(overridden.out().contains("because: the record is from a scratch server outage"), overridden.out());

        MigratorRun wrong = MigratorRun.of("--config", config.toString(), "restore", "backup-prod-2026-11-23-020000",
                "--env", "dev");
        assertEquals(2, wrong.exit());
        assertTrue(wrong.err().contains("is a backup of prod, not of dev"), wrong.err());
    }
}
