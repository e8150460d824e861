package dev.drydock.migrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.backup.BackupSetup;
import dev.drydock.backup.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** validate, plan, and the README's main job on a copy of examples/sqlite-app. */
class CommandsTest {

    @TempDir
    Path project;

    /**
     * The example's own sources (its config and migrations), never what a run of the README's main job left in the
     * working tree beside them (dev.db, backups/, the lock file).
     */
    private Path example() throws IOException {
        Path source = Path.of(System.getProperty("drydock.root"), "examples", "sqlite-app");
        try (Stream<Path> files = Files.walk(source.resolve("db"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = project.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return Files.copy(source.resolve("drydock.yaml"), project.resolve("drydock.yaml"));
    }

    private JsonNode status(Path config) throws IOException {
        return new ObjectMapper().readTree(MigratorRun.of("--config", config.toString(), "status", "--env", "dev",
                "--json").out());
    }

    @Test
    void theMainJobValidatesBacksUpAppliesAndShowsTheStatus() throws Exception {
        Path config = example();
        MigratorRun validate = MigratorRun.of("--config", config.toString(), "validate");
        assertEquals(0, validate.exit(), validate.out());
        assertTrue(validate.out().contains("0 errors"), validate.out());
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
        assertEquals(0, up.exit(), up.out() + up.err());
        List<Catalog.Entry> backups = new Catalog(BackupSetup.load(config).store()).entries(Optional.of("dev"));
        assertEquals(1, backups.size());
        assertEquals("verified", backups.get(0).status());
        assertEquals(0, backups.get(0).manifest().orElseThrow().migrationState().applied().size(),
                "the backup was taken before anything was applied");
        JsonNode status = status(config);
        assertEquals("3", status.get("current").asText());
        assertEquals(backups.get(0).id().toString(), status.get("lastBackup").get("id").asText());
        assertEquals("verified", status.get("lastBackup").get("status").asText());
        MigratorRun again = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
        assertEquals(0, again.exit());
        assertTrue(again.out().contains("nothing to apply"), again.out());
    }

    @Test
    void planShowsTheGatesAndTheSqlAndChangesNothing() throws Exception {
        Path config = example();
        MigratorRun plan = MigratorRun.of("--config", config.toString(), "plan", "--env", "dev");
        assertEquals(0, plan.exit(), plan.out() + plan.err());
        assertTrue(plan.out().contains("1. validator: passes"), plan.out());
        assertTrue(plan.out().contains("3. backup gate: on"), plan.out());
        assertTrue(plan.out().contains("-- V2__add_email_index.sql"), plan.out().replace("\n", " / "));
        assertTrue(plan.out().contains("CREATE UNIQUE INDEX users_email_idx"), plan.out());
        assertEquals(3, status(config).get("pending").size());
        assertFalse(Files.exists(project.resolve("backups")), "plan takes no backup");
    }

    @Test
    void theOnlyEnvironmentNeedsNoEnvOption() throws Exception {
        Path config = example();
        MigratorRun status = MigratorRun.of("--config", config.toString(), "status", "--json");
        assertEquals(0, status.exit(), status.out() + status.err());
        assertEquals("dev", new ObjectMapper().readTree(status.out()).get("environment").asText());
        Files.writeString(config, Files.readString(config).replace("environments:\n",
                "environments:\n  staging: { url: \"jdbc:sqlite:./staging.db\" }\n"));
        MigratorRun ambiguous = MigratorRun.of("--config", config.toString(), "status");
        assertEquals(2, ambiguous.exit());
        assertTrue(ambiguous.err().contains("name the environment with --env") && ambiguous.err().contains("[dev, staging]"),
                ambiguous.err());
    }

    @Test
    void aPasswordInTheUrlNeverReachesAnErrorLine() throws Exception {
        Files.createDirectories(project.resolve("db"));
        Path config = Files.writeString(project.resolve("drydock.yaml"), """
                migrations: { dir: db, layout: flyway }
                environments:
                  maria: { url: "jdbc:mariadb://127.0.0.1:99999/app?user=app&password=Sup3rS3cretValue" }
                  pg: { url: "jdbc:postgresql://127.0.0.1:99999/app?user=app&password=Sup3rS3cretValue" }
                """);
        for (String environment : List.of("maria", "pg")) {
            for (String command : List.of("status", "up")) {
                MigratorRun run = MigratorRun.of("--config", config.toString(), command, "--env", environment);
                assertTrue(run.exit() != 0, environment + " " + command + ": " + run.out() + run.err());
                assertFalse((run.out() + run.err()).contains("Sup3rS3cretValue"), run.out() + run.err());
            }
        }
    }
}
