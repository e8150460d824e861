package dev.drydock.migrator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code create NAME}: the next version in the layout's naming, both files, and migrations.sum updated. */
class CreateTest {

    @TempDir
    Path project;

    private Path config(String layout) throws Exception {
        Files.createDirectories(project.resolve("db"));
        return Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db\n  layout: " + layout
                + "\n  dialects: [sqlite]\n");
    }

    @Test
    void flyway() throws Exception {
        Path config = config("flyway");
        Files.writeString(project.resolve("db/V1__users.sql"), "CREATE TABLE users (id integer);");
        Files.writeString(project.resolve("db/V2__notes.sql"), "CREATE TABLE notes (id integer);");
        MigratorRun run = MigratorRun.of("--config", config.toString(), "create", "add_email");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(Files.exists(project.resolve("db/V3__add_email.sql")));
        assertTrue(Files.exists(project.resolve("db/U3__add_email.sql")));
        String sum = Files.readString(project.resolve("db/migrations.sum"));
        assertTrue(sum.contains(" V3__add_email.sql"), sum);
        assertEquals(3, sum.lines().filter(line -> line.endsWith(".sql")).count(), sum);
    }

    @Test
    void aCreatedPairStaysEditableUntilItIsHashedAndTheHistoryStaysAsRecorded() throws Exception {
        Path config = config("flyway");
        Files.writeString(project.resolve("db/V1__users.sql"), "CREATE TABLE users (id integer);");
        Files.writeString(project.resolve("db/U1__users.sql"), "DROP TABLE users;");
        assertEquals(0, MigratorRun.of("--config", config.toString(), "create", "add_notes").exit());
        Files.writeString(project.resolve("db/V2__add_notes.sql"), "CREATE TABLE notes (id integer);");
        Files.writeString(project.resolve("db/U2__add_notes.sql"), "DROP TABLE notes;");
        MigratorRun filledIn = MigratorRun.of("--config", config.toString(), "validate");
        assertEquals(0, filledIn.exit(), "filling in the template is no history-mutated: " + filledIn.out());

        Files.writeString(project.resolve("db/V1__users.sql"), "CREATE TABLE users (id integer, name text);");
        MigratorRun edited = MigratorRun.of("--config", config.toString(), "validate");
        assertEquals(1, edited.exit());
        assertTrue(edited.out().contains("history-mutated") && edited.out().contains("migration 1 was edited"),
                "create recorded the old history, it did not rewrite it: " + edited.out());
    }

    @Test
    void golangMigrateKeepsTheZeroPadding() throws Exception {
        Path config = config("golang-migrate");
        Files.writeString(project.resolve("db/000001_users.up.sql"), "CREATE TABLE users (id integer);");
        Files.writeString(project.resolve("db/000001_users.down.sql"), "DROP TABLE users;");
        assertEquals(0, MigratorRun.of("--config", config.toString(), "create", "notes").exit());
        assertTrue(Files.exists(project.resolve("db/000002_notes.up.sql")));
        assertTrue(Files.exists(project.resolve("db/000002_notes.down.sql")));
        MigratorRun bad = MigratorRun.of("--config", config.toString(), "create", "add email!");
        assertEquals(2, bad.exit());
    }
}
