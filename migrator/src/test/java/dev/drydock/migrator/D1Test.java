package dev.drydock.migrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.backup.BackupSetup;
import dev.drydock.backup.catalog.Catalog;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.WranglerLayout;
import dev.drydock.shared.testing.Corpora;
import dev.drydock.shared.testing.WranglerInstall;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cloudflare D1 through real wrangler, offline ({@code --local}, miniflare's D1 in the project's .wrangler folder):
 * the migrator and wrangler read and write the same {@code d1_migrations}, so what one applied the other sees.
 */
class D1Test {

    private static String wranglerCommand;

    @TempDir
    Path project;

    @BeforeAll
    static void installWrangler() throws Exception {
        wranglerCommand = WranglerInstall.command();
    }

    /** A wrangler project holding a copy of {@code corpus}'s migrations, database "app", and drydock.yaml. */
    private Path setUp(String corpus, String extraEnvironment) throws IOException {
        Path migrations = project.resolve("migrations");
        Files.createDirectories(migrations);
        try (Stream<Path> files = Files.list(Corpora.path(corpus))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Files.copy(file, migrations.resolve(file.getFileName()));
            }
        }
        Files.writeString(project.resolve("wrangler.toml"), "name = \"app\"\ncompatibility_date = \"2025-01-01\"\n\n"
                + "[[d1_databases]]\nbinding = \"DB\"\ndatabase_name = \"app\"\n"
                + "database_id = \"00000000-0000-4000-8000-000000000001\"\n");
        String wrangler = "wrangler: { local: true, command: \"" + wranglerCommand + "\" }";
        return Files.writeString(project.resolve("drydock.yaml"), "migrations: { dir: migrations, layout: wrangler,"
                + " dialects: [d1] }\n"
                + "validator: { rules: { rollback-missing: off, irreversible-without-ack: warning } }\n"
                + "environments:\n  dev: { url: \"d1:app\", " + wrangler + " }\n" + extraEnvironment.replace("WRANGLER", wrangler)
                + "backup: { store: \"file:./backups\" }\n");
    }

    /** wrangler itself, as the team runs it in the project folder. */
    private String wrangler(String... arguments) throws Exception {
        return WranglerInstall.run(project, arguments);
    }

    private List<String> rows(String sql) throws Exception {
        return WranglerInstall.firstColumn(project, "app", sql);
    }

    private List<String> files(String corpus) throws IOException {
        try (Stream<Path> files = Files.list(Corpora.path(corpus))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
    }

    @Test
    void upAppliesEveryFileAndWranglerFindsNothingLeftToApply() throws Exception {
        Path config = setUp("cloudflare__wildebeest/migrations", "");
        Path report = project.resolve("run.json");
        Path metrics = project.resolve("migrator.prom");
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev", "--report",
                report.toString(), "--metrics-file", metrics.toString());
        assertEquals(0, up.exit(), up.out() + up.err());
        assertTrue(up.out().contains("applied  0010_add_ui_client.sql ("), up.out());
        JsonNode run = new ObjectMapper().readTree(report.toFile());
        assertTrue(run.path("success").asBoolean());
        assertEquals(11, run.path("run").path("applied").size());
        assertEquals("0010", run.path("run").path("applied").get(10).path("version").asText());
        assertTrue(Files.readString(metrics).contains("drydock_migrator_migrations_applied{environment=\"dev\"} 11"),
                Files.readString(metrics));
        assertTrue(wrangler("d1", "migrations", "list", "app", "--local").contains("No migrations to apply"));
        assertEquals(files("cloudflare__wildebeest/migrations"), rows("SELECT name FROM d1_migrations ORDER BY id"));
        MigratorRun again = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
        assertEquals(0, again.exit(), again.out() + again.err());
        assertTrue(again.out().contains("nothing to apply"), again.out());
    }

    @Test
    void whatWranglerAppliedTheMigratorSeesApplied() throws Exception {
        Path config = setUp("cloudflare__wildebeest/migrations", "");
        wrangler("d1", "migrations", "apply", "app", "--local");
        MigratorRun status = MigratorRun.of("--config", config.toString(), "status", "--env", "dev", "--json");
        assertEquals(0, status.exit(), status.out() + status.err());
        JsonNode json = new ObjectMapper().readTree(status.out());
        assertEquals("d1_migrations", json.path("migrationState").path("table").asText());
        assertEquals(0, json.path("pending").size());
        List<String> applied = new ArrayList<>();
        json.path("applied").forEach(entry -> applied.add(entry.path("script").asText()));
        assertEquals(files("cloudflare__wildebeest/migrations"), applied);
        assertEquals("0010", json.path("current").asText());
        assertTrue(json.path("success").asBoolean());
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
        assertTrue(up.out().contains("nothing to apply"), up.out());
    }

    @Test
    void aProtectedEnvironmentIsBackedUpFirstAndAsksForItsName() throws Exception {
        Path config = setUp("cloudflare__templates/saas-admin-template/migrations",
                "  production: { url: \"d1:app\", WRANGLER, protected: true, backup: { required: true, maxAge: 24h } }\n");
        MigratorRun refused = MigratorRun.of("--config", config.toString(), "up", "--env", "production");
        assertEquals(1, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("no terminal to confirm on"), refused.err());
        assertEquals(List.of(), backups(config));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
                + "dev.drydock.migrator.cli.MigratorCommand --config '" + config + "' up --env production";
        Process process = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true).start();
        process.getOutputStream().write("production\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the migrator did not finish");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.indexOf("backup gate: took and verified") < output.indexOf("Type the environment's name"
                + " (production) to apply:"), output);
        assertTrue(output.contains("applied  0003_create_user_subscriptions.sql"), output);

        List<Catalog.Entry> backups = backups(config);
        assertEquals(1, backups.size());
        assertEquals("verified", backups.get(0).status());
        var manifest = backups.get(0).manifest().orElseThrow();
        assertEquals("d1", manifest.database().engine());
        assertEquals("d1_migrations", manifest.migrationState().table());
        assertEquals(0, manifest.migrationState().applied().size(), "taken before anything was applied");
        assertEquals(files("cloudflare__templates/saas-admin-template/migrations"),
                rows("SELECT name FROM d1_migrations ORDER BY id"));

        // the way back: the backup taken before, restored over the migrated database
        MigratorRun restore = MigratorRun.of("--config", config.toString(), "restore", backups.get(0).id().toString(),
                "--env", "production", "--yes");
        assertEquals(0, restore.exit(), restore.out() + restore.err());
        assertTrue(restore.out().contains("safety backup: backup-production-"), restore.out());
        assertTrue(restore.out().contains("0 applied, 3 pending"), restore.out());
        assertEquals(List.of(), rows("SELECT name FROM sqlite_master WHERE name = 'customers'"));
        assertEquals(2, backups(config).size(), "the safety backup is in the catalog");
    }

    private List<Catalog.Entry> backups(Path config) throws IOException {
        return new Catalog(BackupSetup.load(config).store()).entries(Optional.of("production"));
    }

    @Test
    void downRunsThePairedRollbacksAndWranglerSeesThemPendingAgain() throws Exception {
        Path config = setUp("cloudflare__templates/saas-admin-template/migrations", "");
        Path rollback = Files.createDirectories(project.resolve("migrations/rollback"));
        Files.writeString(rollback.resolve("0001_create_customers.sql"),
                "DROP TRIGGER IF EXISTS update_customers_updated_at;\nDROP TABLE IF EXISTS customers;\n");
        Files.writeString(rollback.resolve("0002_create_subscriptions.sql"), String.join("\n",
                rowsOfTriggersAndTables("0002_create_subscriptions.sql")));
        Files.writeString(rollback.resolve("0003_create_user_subscriptions.sql"), String.join("\n",
                rowsOfTriggersAndTables("0003_create_user_subscriptions.sql")));
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
        assertEquals(0, up.exit(), up.out() + up.err());
        List<String> tablesAfterFirst = List.of("customers");

        MigratorRun down = MigratorRun.of("--config", config.toString(), "down", "--env", "dev", "--to", "1");
        assertEquals(0, down.exit(), down.out() + down.err());
        assertTrue(down.out().indexOf("rolled back 0003_create_user_subscriptions.sql")
                < down.out().indexOf("rolled back 0002_create_subscriptions.sql"), down.out());
        assertEquals(List.of("0001_create_customers.sql"), rows("SELECT name FROM d1_migrations ORDER BY id"));
        assertEquals(tablesAfterFirst, rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN"
                + " ('d1_migrations', 'drydock_rollback_history', '_cf_METADATA') AND name NOT LIKE 'sqlite_%'"
                + " ORDER BY name"));
        assertEquals(List.of("0003_create_user_subscriptions.sql", "0002_create_subscriptions.sql"),
                rows("SELECT version FROM drydock_rollback_history ORDER BY rowid"));
        String list = wrangler("d1", "migrations", "list", "app", "--local");
        assertTrue(list.contains("0002_create_subscriptions.sql") && list.contains("0003_create_user_subscriptions.sql")
                && !list.contains("0001_create_customers.sql"), list);

        MigratorRun rehearsal = MigratorRun.of("--config", config.toString(), "test-rollback", "--env", "dev");
        assertEquals(0, rehearsal.exit(), rehearsal.out() + rehearsal.err());
        assertTrue(rehearsal.out().contains("rehearsing on fresh local D1 databases"), rehearsal.out());
        assertTrue(rehearsal.out().contains("3 rollback(s) rehearsed: 3 hold, 0 do not"), rehearsal.out());
        assertEquals(List.of("0001_create_customers.sql"), rows("SELECT name FROM d1_migrations ORDER BY id"),
                "the rehearsal left the environment's own database alone");
    }

    /** The rollback of a corpus migration: drops of the triggers and tables it creates, newest first. */
    private List<String> rowsOfTriggersAndTables(String file) throws IOException {
        String sql = Files.readString(project.resolve("migrations").resolve(file));
        List<String> drops = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("(?i)CREATE\\s+(TABLE|TRIGGER|INDEX)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)")
                .matcher(sql);
        while (matcher.find()) {
            drops.add(0, "DROP " + matcher.group(1).toUpperCase() + " IF EXISTS " + matcher.group(2) + ";");
        }
        return drops;
    }

    @Test
    void aDatabaseMadeAnotherWayIsBaselinedAndOnlyTheRestIsApplied() throws Exception {
        Path config = setUp("cloudflare__templates/saas-admin-template/migrations", "");
        wrangler("d1", "execute", "app", "--local", "--file", "migrations/0001_create_customers.sql");
        MigratorRun baseline = MigratorRun.of("--config", config.toString(), "baseline", "--env", "dev", "--version", "1");
        assertEquals(0, baseline.exit(), baseline.out() + baseline.err());
        assertTrue(baseline.out().contains("recorded 0001_create_customers.sql as applied (not run)"), baseline.out());
        MigratorRun repair = MigratorRun.of("--config", config.toString(), "repair", "--env", "dev");
        assertEquals(0, repair.exit(), repair.out() + repair.err());
        assertTrue(repair.out().contains("nothing to repair"), repair.out());
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
        assertEquals(0, up.exit(), up.out() + up.err());
        assertTrue(!up.out().contains("applying 0001") && up.out().contains("applied  0003_create_user_subscriptions.sql"),
                up.out());
        assertTrue(wrangler("d1", "migrations", "list", "app", "--local").contains("No migrations to apply"));
    }

    @Test
    void aMigrationThatFailsLeavesNeitherItsChangesNorItsRow() throws Exception {
        Path config = setUp("cloudflare__templates/d1-template/migrations", "");
        // the corpus seeds comments 1 to 3: the second statement breaks the primary key, which only the database knows
        Files.writeString(project.resolve("migrations/0002_more.sql"), "CREATE TABLE half (id INTEGER);\n"
                + "INSERT INTO comments (id, author, content) VALUES (1, 'again', 'the same id');\n");
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev");
        assertEquals(1, up.exit(), up.out() + up.err());
        assertTrue(up.out().contains("FAILED: 0002 more: ") && up.out().contains("UNIQUE constraint failed"), up.out());
        assertEquals(List.of("0001_create_comments_table.sql"), rows("SELECT name FROM d1_migrations ORDER BY id"));
        assertEquals(List.of(), rows("SELECT name FROM sqlite_master WHERE name = 'half'"), "the batch was rolled back");
        assertTrue(wrangler("d1", "migrations", "list", "app", "--local").contains("0002_more.sql"));
    }

    /**
     * A D1 project as it is, with no drydock.yaml: the validator and {@code migrator status} take the migrations and
     * the local database from wrangler.toml, with wrangler found on the PATH as a team has it.
     */
    @Test
    void withoutDrydockYamlTheValidatorAndStatusReadWranglersConfig() throws Exception {
        setUp("cloudflare__templates/saas-admin-template/migrations", "");
        Files.delete(project.resolve("drydock.yaml"));
        Path bin = Files.createDirectories(project.resolve("bin"));
        Path shim = Files.writeString(bin.resolve("wrangler"), "#!/bin/sh\nexec " + wranglerCommand + " \"$@\"\n");
        shim.toFile().setExecutable(true);
        wrangler("d1", "migrations", "apply", "app", "--local");

        String validator = inProject(bin, "dev.drydock.validator.cli.ValidatorCommand");
        assertTrue(validator.contains("migrations/0001_create_customers.sql:1:1: error[rollback-missing]")
                && validator.contains("(rollback/0001_create_customers.sql)") && validator.endsWith("exit 1"),
                "wrangler.toml's migrations_dir, read with the wrangler layout:\n" + validator);
        String status = inProject(bin, "dev.drydock.migrator.cli.MigratorCommand", "status", "--json");
        assertTrue(status.contains("exit 0"), status);
        JsonNode json = new ObjectMapper().readTree(status.substring(status.indexOf('{'), status.lastIndexOf('}') + 1));
        assertEquals("default", json.path("environment").asText());
        assertEquals("d1:app (local)", json.path("database").asText());
        assertEquals(3, json.path("applied").size());
    }

    /** Runs a Drydock command in the project folder, as a shell there would, and returns its output and exit code. */
    private String inProject(Path shims, String mainClass, String... arguments) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        line.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(line).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", shims + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(3, TimeUnit.MINUTES));
        return out + "\nexit " + process.exitValue();
    }

    @Test
    void sharedNumbersAndPlaceholdersGoInWranglersOrder() throws Exception {
        setUp("cloudflare__templates/d1-template/migrations", "");
        Path migrations = project.resolve("migrations");
        for (String name : List.of("0002_b.sql", "0002_a.sql", "000X_placeholder.sql", "0010_ten.sql", "0000_zero.sql",
                "0003-dash.sql")) {
            Files.writeString(migrations.resolve(name), "SELECT 1;\n");
        }
        List<String> ours = new MigrationDiscovery(project).discover(migrations, new WranglerLayout(), true)
                .migrations().stream().map(m -> m.forward().file().path().getFileName().toString()).toList();
        List<String> theirs = new ArrayList<>();
        for (String line : wrangler("d1", "migrations", "list", "app", "--local").lines().toList()) {
            var matcher = java.util.regex.Pattern.compile("│\\s*(\\S+\\.sql)\\s*│").matcher(line);
            if (matcher.find()) {
                theirs.add(matcher.group(1));
            }
        }
        assertEquals(theirs, ours);
        assertEquals(7, ours.size(), ours.toString());
    }
}
