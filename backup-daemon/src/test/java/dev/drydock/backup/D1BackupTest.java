package dev.drydock.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.backup.archive.ArchiveReader;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.catalog.Catalog;
import dev.drydock.backup.cli.BackupDaemonCommand;
import dev.drydock.backup.daemon.BackupDaemon;
import dev.drydock.backup.metrics.BackupMetrics;
import dev.drydock.backup.restore.Restore;
import dev.drydock.backup.restore.RestoreTarget;
import dev.drydock.backup.verify.ScratchServers;
import dev.drydock.shared.testing.Corpora;
import dev.drydock.shared.testing.WranglerInstall;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backups of Cloudflare D1 through real wrangler, offline on a local D1: {@code wrangler d1 export} into the archive,
 * verified by loading it into SQLite, listed with wrangler's migration state; and D1 jobs that cannot run.
 */
class D1BackupTest {

    private static final String CORPUS = "cloudflare__templates/saas-admin-template/migrations";
    private static String wranglerCommand;

    @TempDir
    Path project;

    @BeforeAll
    static void installWrangler() throws Exception {
        wranglerCommand = WranglerInstall.command();
    }

    /** wrangler itself, as the team runs it in the project folder. */
    private String wrangler(String... arguments) throws Exception {
        return WranglerInstall.run(project, arguments);
    }

    /** A wrangler project with the corpus applied by wrangler itself and some rows, and drydock.yaml naming it. */
    private BackupSetup project(String environments) throws Exception {
        Path migrations = Files.createDirectories(project.resolve("migrations"));
        try (Stream<Path> files = Files.list(Corpora.path(CORPUS))) {
            for (Path file : files.toList()) {
                Files.copy(file, migrations.resolve(file.getFileName()));
            }
        }
        Files.writeString(project.resolve("wrangler.toml"), "name = \"app\"\ncompatibility_date = \"2025-01-01\"\n\n"
                + "[[d1_databases]]\nbinding = \"DB\"\ndatabase_name = \"app\"\n"
                + "database_id = \"00000000-0000-4000-8000-000000000002\"\n\n"
                + "[[d1_databases]]\nbinding = \"COPY\"\ndatabase_name = \"copy\"\n"
                + "database_id = \"00000000-0000-4000-8000-000000000003\"\n");
        Path config = Files.writeString(project.resolve("drydock.yaml"), "migrations: { dir: migrations, layout:"
                + " wrangler }\nenvironments:\n" + environments.replace("COMMAND", wranglerCommand)
                + "backup:\n  store: \"file:./backups\"\n  http: { bind: 127.0.0.1, port: " + freePort() + " }\n"
                + "  jobs:\n    - { environment: dev, schedule: \"0 0 2 * * ?\", verify: restore }\n");
        return BackupSetup.load(config);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aD1BackupIsTheExportVerifiedByLoadingItWithWranglersMigrationState() throws Exception {
        BackupSetup setup = project("  dev: { url: \"d1:app\", wrangler: { local: true, command: \"COMMAND\" } }\n"
                + "  copy: { url: \"d1:copy\", wrangler: { local: true, command: \"COMMAND\" } }\n");
        wrangler("d1", "migrations", "apply", "app", "--local");
        wrangler("d1", "execute", "app", "--local", "--command", "INSERT INTO customers (name, email) VALUES"
                + " ('Ada', 'ada@example.com'), ('Grace', 'grace@example.com'), ('Edsger', 'e@example.com');");

        BackupService.Outcome outcome = new BackupService(setup, new BackupMetrics(), Clock.systemUTC())
                .backup("dev", "restore", line -> { });
        assertTrue(outcome.verification().passed(), outcome.verification().toString());
        assertTrue(outcome.verification().compared().toString().contains("row counts"), outcome.verification().toString());

        List<Catalog.Entry> entries = new Catalog(setup.store()).entries(Optional.of("dev"));
        assertEquals(1, entries.size());
        assertEquals("verified", entries.get(0).status());
        Manifest manifest = entries.get(0).manifest().orElseThrow();
        assertEquals("d1", manifest.database().engine());
        assertEquals("d1_migrations", manifest.migrationState().table());
        assertEquals(List.of("0001_create_customers.sql", "0002_create_subscriptions.sql",
                "0003_create_user_subscriptions.sql"), manifest.migrationState().applied().stream()
                .map(Manifest.AppliedMigration::description).toList());
        assertEquals(List.of("0001", "0002", "0003"), manifest.migrationState().applied().stream()
                .map(Manifest.AppliedMigration::version).toList());
        assertEquals(3, manifest.tables().get("main.customers").rows());
        assertNull(manifest.d1().bookmark(), "a local database has no time-travel bookmark");
        try (ArchiveReader reader = new ArchiveReader(setup.store().fetch(outcome.id()))) {
            assertEquals(List.of("dump/d1.sql.zst"), reader.manifest().entries().stream().map(Manifest.Entry::path)
                    .filter(path -> path.startsWith("dump/")).toList());
        }

        // into a fresh local D1: the same tables, rows and history
        new Restore(setup.store(), Clock.systemUTC(), line -> { }).into(outcome.id(),
                RestoreTarget.of(setup.config().environments().get("copy")), false, Optional.empty(), project,
                ScratchServers.none());
        assertEquals(List.of("3"), rows("copy", "SELECT count(*) FROM customers"));
        assertEquals(List.of("3"), rows("copy", "SELECT count(*) FROM d1_migrations"));
        assertEquals(rows("app", "SELECT name FROM sqlite_master WHERE name NOT LIKE '\\_cf\\_%' ESCAPE '\\'"
                + " ORDER BY name"), rows("copy", "SELECT name FROM sqlite_master WHERE name NOT LIKE '\\_cf\\_%'"
                + " ESCAPE '\\' ORDER BY name"));

        // over the database it came from, after a bad change: refused without --force, then back as it was
        wrangler("d1", "execute", "app", "--local", "--command", "DELETE FROM customers; CREATE TABLE stray (id INTEGER);");
        Path safety = Files.createDirectories(project.resolve("safety"));
        String id = outcome.id().toString();
        assertEquals(2, BackupDaemonCommand.run("--config", setup.configFile().toString(), "restore", id, "--into",
                "d1:app"), "a D1 that holds tables needs --force");
        assertEquals(0, BackupDaemonCommand.run("--config", setup.configFile().toString(), "restore", id, "--into",
                "d1:app", "--force", "--safety-dir", safety.toString()));
        assertEquals(List.of("3"), rows("app", "SELECT count(*) FROM customers"));
        assertEquals(List.of(), rows("app", "SELECT name FROM sqlite_master WHERE name = 'stray'"));
        try (Stream<Path> copies = Files.list(safety)) {
            Path copy = copies.findFirst().orElseThrow();
            assertTrue(Files.readString(copy).contains("CREATE TABLE stray"), "the safety copy holds what was replaced");
        }
    }

    private List<String> rows(String database, String sql) throws Exception {
        return WranglerInstall.firstColumn(project, database, sql);
    }

    @Test
    void aD1JobWranglerCannotServeSaysWhyAtStartAndOnHealth() throws Exception {
        BackupSetup setup = project("  dev: { url: \"d1:app\", wrangler: { local: true, command: \"/nowhere/wrangler\" } }\n"
                + "  production: { url: \"d1:app\", wrangler: { command: \"COMMAND\" } }\n");
        Files.writeString(setup.configFile(), Files.readString(setup.configFile()).replace(
                "verify: restore }\n", "verify: restore }\n    - { environment: production, schedule: \"0 0 3 * * ?\" }\n"));
        setup = BackupSetup.load(setup.configFile());
        try (BackupDaemon daemon = new BackupDaemon(setup, Clock.systemUTC())) {
            daemon.start();
            assertTrue(daemon.unservable("dev").orElseThrow().contains("cannot run wrangler"),
                    daemon.unservable("dev").toString());
            assertTrue(daemon.unservable("production").orElseThrow().contains("not logged in to Cloudflare; run"
                    + " 'wrangler login'"), daemon.unservable("production").toString());
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(daemon.address() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, health.statusCode());
            JsonNode checks = new ObjectMapper().readTree(health.body()).get("checks");
            String production = "";
            for (JsonNode check : checks) {
                if (check.path("name").asText().equals("backup:production")) {
                    production = check.path("detail").asText();
                }
            }
            assertTrue(production.startsWith("cannot run: d1:app (remote): wrangler is not logged in"), checks.toString());
        }
    }
}
