package dev.drydock.migrator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.drydock.backup.BackupService;
import dev.drydock.backup.BackupSetup;
import dev.drydock.backup.daemon.BackupDaemon;
import dev.drydock.backup.metrics.BackupMetrics;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ops/grafana/drydock.json against a real Prometheus (Debian's package, which .ci/run installs) that scrapes a
 * running backup daemon and the migrator's --metrics-file (served as node_exporter's textfile collector would):
 * every query of every panel returns data.
 */
class DashboardTest {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

    @TempDir
    Path project;

    @Test
    void everyPanelsQueryAnswersFromARealPrometheus() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PROMETHEUS),
                "Prometheus is not installed at " + PROMETHEUS + " (.ci/run installs Debian's prometheus)");
        Files.createDirectories(project.resolve("db"));
        Files.writeString(project.resolve("db/V1__users.sql"), "CREATE TABLE IF NOT EXISTS users (id integer PRIMARY KEY);");
        Files.writeString(project.resolve("db/U1__users.sql"), "DROP TABLE IF EXISTS users;");
        Path config = Files.writeString(project.resolve("drydock.yaml"), """
                migrations: { dir: db, layout: flyway, dialects: [sqlite] }
                environments:
                  dev: { url: "jdbc:sqlite:./dev.db", backup: { required: true } }
                backup:
                  store: "file:./backups"
                  http: { port: %d }
                  jobs: [ { environment: dev, schedule: "0 0 3 * * ?" } ]
                """.formatted(freePort()));
        Path textfile = project.resolve("migrator.prom");
        MigratorRun up = MigratorRun.of("--config", config.toString(), "up", "--env", "dev", "--metrics-file", textfile.toString());
        assertEquals(0, up.exit(), up.out() + up.err());
        BackupSetup setup = BackupSetup.load(config);
        new BackupService(setup, new BackupMetrics(), Clock.systemUTC()).backup("dev", "checksum", line -> { });

        HttpServer textfileServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        textfileServer.createContext("/metrics", exchange -> {
            byte[] body = Files.readAllBytes(textfile);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        textfileServer.start();
        int prometheusPort = freePort();
        Process prometheus = null;
        try (BackupDaemon daemon = new BackupDaemon(setup, Clock.systemUTC())) {
            daemon.start();
            Path prometheusConfig = Files.writeString(project.resolve("prometheus.yml"), """
                    global: { scrape_interval: 1s, evaluation_interval: 1s }
                    scrape_configs:
                      - job_name: drydock-backup-daemon
                        static_configs: [ { targets: ['%s'] } ]
                      - job_name: node-textfile
                        static_configs: [ { targets: ['127.0.0.1:%d'] } ]
                    """.formatted(URI.create(daemon.address()).getAuthority(), textfileServer.getAddress().getPort()));
            prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + prometheusConfig,
                    "--storage.tsdb.path=" + project.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + prometheusPort)
                    .redirectErrorStream(true).redirectOutput(project.resolve("prometheus.log").toFile()).start();
            List<String> unanswered = new ArrayList<>(queries());
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!unanswered.isEmpty() && System.nanoTime() < deadline) {
                unanswered.removeIf(query -> answers(http, prometheusPort, query));
                if (!unanswered.isEmpty()) {
                    Thread.sleep(500);
                }
            }
            assertTrue(unanswered.isEmpty(), "no data for " + unanswered + "\n" + Files.readString(project.resolve("prometheus.log")));
        } finally {
            if (prometheus != null) {
                prometheus.destroy();
                prometheus.waitFor(20, TimeUnit.SECONDS);
            }
            textfileServer.stop(0);
        }
    }

    private static List<String> queries() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of(System.getProperty("drydock.root"), "ops", "grafana",
                "drydock.json").toFile());
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                queries.add(target.get("expr").asText());
            }
        }
        assertTrue(queries.size() >= 6, "the dashboard has its panels: " + queries);
        return queries;
    }

    private static boolean answers(HttpClient http, int port, String query) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = new ObjectMapper().readTree(response.body());
            return response.statusCode() == 200 && body.at("/data/result").size() > 0;
        } catch (IOException e) {
            return false; // not up yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
