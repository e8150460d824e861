package dev.drydock.backup.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.backup.BackupService;
import dev.drydock.backup.BackupSetup;
import dev.drydock.backup.SqliteFixture;
import dev.drydock.shared.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daemon end to end: Quartz fires the jobs, backups land and are verified, and HTTP tells the truth. */
class BackupDaemonTest {

    private static final String SECRET = "s3cr3t-in-config";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private BackupSetup setup(String schedule) throws Exception {
        SqliteFixture.create(dir, 40);
        Files.writeString(dir.resolve("pw"), SECRET);
        Path config = Files.writeString(dir.resolve("drydock.yaml"), """
                environments:
                  dev: { url: "jdbc:sqlite:./app.db", password: "${file:pw}" }
                  broken: { url: "jdbc:sqlite:./missing.db" }
                backup:
                  store: "file:./backups"
                  http: { bind: 127.0.0.1, port: %d }
                  jobs:
                    - { environment: dev, schedule: "%s", verify: restore, retention: { keepLast: 2 } }
                    - { environment: broken, schedule: "%s" }
                """.formatted(freePort(), schedule, schedule));
        return BackupSetup.load(config);
    }

    private HttpResponse<String> get(BackupDaemon daemon, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(daemon.address() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double metric(String text, String name, String environment) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\{environment=\"" + environment + "\",?} ([0-9.eE+-]+)$")
                .matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }

    @Test
    void scheduledBackupsAreVerifiedPrunedAndReportedOverHttp() throws Exception {
        try (BackupDaemon daemon = new BackupDaemon(setup("* * * * * ?"), Clock.systemUTC())) {
            daemon.start();
            String metrics = "";
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                metrics = get(daemon, "/metrics").body();
                if (metric(metrics, "drydock_backup_success_total", "dev") >= 3
                        && metric(metrics, "drydock_backup_failure_total", "broken") >= 1) {
                    break;
                }
                Thread.sleep(200);
            }
            assertTrue(metric(metrics, "drydock_backup_success_total", "dev") >= 3, metrics);
            assertTrue(metric(metrics, "drydock_backup_failure_total", "broken") >= 1, metrics);
            assertEquals(0.0, metric(metrics, "drydock_verify_failure_total", "dev"), metrics);
            assertTrue(metric(metrics, "drydock_backup_last_verified_timestamp_seconds", "dev") > 1.7e9, metrics);
            assertTrue(metric(metrics, "drydock_backup_bytes", "dev") > 0, metrics);
            assertTrue(metrics.contains("drydock_backup_duration_seconds_count{environment=\"dev\"}"), metrics);

            JsonNode backups = new ObjectMapper().readTree(get(daemon, "/api/backups").body());
            assertTrue(backups.size() >= 1 && backups.size() <= 3, "retention keeps the newest 2 (+ one in flight): "
                    + backups.size());
            assertEquals("verified", backups.get(backups.size() - 1).get("status").asText());
            assertEquals("restore", backups.get(backups.size() - 1).at("/verification/level").asText());

            HttpResponse<String> health = get(daemon, "/health");
            assertEquals(503, health.statusCode(), "the broken environment has no verified backup");
            JsonNode checks = new ObjectMapper().readTree(health.body()).get("checks");
            assertTrue(checks.toString().contains("\"name\":\"backup:dev\",\"ok\":true"), checks.toString());
            assertTrue(checks.toString().contains("\"name\":\"backup:broken\",\"ok\":false"), checks.toString());

            String page = get(daemon, "/").body();
            assertTrue(page.contains("<table id=\"jobs\">") && page.contains("<svg id=\"chart\""), page);
            assertTrue(page.contains("backup-dev-"), page);
            assertEquals(404, get(daemon, "/nope").statusCode());
            for (String path : new String[] {"/", "/health", "/metrics", "/api/backups"}) {
                assertFalse(get(daemon, path).body().contains(SECRET), path + " leaks the secret");
            }
        }
    }

    @Test
    void aRestartedDaemonReportsTheStoresBackupsFromTheFirstScrape() throws Exception {
        BackupSetup setup = setup("0 0 3 * * ?");
        BackupService service = new BackupService(setup, new dev.drydock.backup.metrics.BackupMetrics(), Clock.systemUTC());
        BackupService.Outcome verified = service.backup("dev", "restore", line -> { });
        service.backup("dev", "checksum", line -> { });
        try (BackupDaemon daemon = new BackupDaemon(setup, Clock.systemUTC())) {
            daemon.start();
            String metrics = get(daemon, "/metrics").body();
            long now = Instant.now().getEpochSecond();
            double lastSuccess = metric(metrics, "drydock_backup_last_success_timestamp_seconds", "dev");
            double lastVerified = metric(metrics, "drydock_backup_last_verified_timestamp_seconds", "dev");
            assertTrue(now - lastSuccess < 120 && now - lastVerified < 120, metrics);
            assertTrue(metric(metrics, "drydock_backup_bytes", "dev") > 0, metrics);
            assertEquals(0, metric(metrics, "drydock_backup_last_success_timestamp_seconds", "broken"), "none stored");
            assertTrue(metrics.contains("# TYPE drydock_backup_success_total counter"), metrics);
            assertTrue(metrics.contains("# TYPE drydock_verify_failure_total counter"), metrics);
            assertTrue(metrics.contains("# TYPE drydock_backup_duration_seconds summary"), metrics);
            assertFalse(metrics.contains("Dropwizard") || metrics.contains("$$Lambda"), metrics);
            assertTrue(verified.verification().passed());
        }
    }

    @Test
    void slowClientsLeaveTheEndpointsAnsweringAndAreCutOff() throws Exception {
        try (BackupDaemon daemon = new BackupDaemon(setup("0 0 3 * * ?"), Clock.systemUTC())) {
            daemon.start();
            URI address = URI.create(daemon.address());
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < HttpApi.WORKERS / 2; i++) {
                    Socket socket = new Socket(address.getHost(), address.getPort());
                    socket.getOutputStream().write('G'); // one byte of a request that never comes
                    socket.getOutputStream().flush();
                    slow.add(socket);
                }
                HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(daemon.address() + "/metrics"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, metrics.statusCode());
                assertTrue(get(daemon, "/health").statusCode() > 0);
                for (Socket socket : slow) {
                    socket.setSoTimeout((HttpApi.REQUEST_SECONDS + 20) * 1000);
                    assertEquals(-1, socket.getInputStream().read(), "the server closes a request that never arrives");
                }
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void oneBackupIsServedByItsIdAndAnUnknownIdIsNotFound() throws Exception {
        BackupSetup setup = setup("0 0 3 * * ?");
        try (BackupDaemon daemon = new BackupDaemon(setup, Clock.systemUTC())) {
            daemon.start();
            String id = new dev.drydock.backup.BackupService(setup, daemon.metrics(), Clock.systemUTC())
                    .backup("dev", "checksum", line -> { }).id().toString();
            HttpResponse<String> one = get(daemon, "/api/backups/" + id);
            assertEquals(200, one.statusCode(), one.body());
            assertEquals(id, new ObjectMapper().readTree(one.body()).get("id").asText());
            assertEquals(404, get(daemon, "/api/backups/backup-dev-2020-01-01-000000").statusCode());
            assertEquals(404, get(daemon, "/api/backups/anything").statusCode());
            assertEquals(1, new ObjectMapper().readTree(get(daemon, "/api/backups").body()).size());
        }
    }

    @Test
    void healthIsGreenWhenEveryJobHasAFreshVerifiedBackup() throws Exception {
        BackupSetup setup = setup("0 0 3 * * ?");
        Files.writeString(setup.configFile(), Files.readString(setup.configFile()).replaceAll("(?m)^    - \\{ environment: broken.*\\n", ""));
        try (BackupDaemon daemon = new BackupDaemon(BackupSetup.load(setup.configFile()), Clock.systemUTC())) {
            daemon.start();
            assertEquals(503, get(daemon, "/health").statusCode(), "no backup yet");
            new dev.drydock.backup.BackupService(BackupSetup.load(setup.configFile()), daemon.metrics(), Clock.systemUTC())
                    .backup("dev", "checksum", line -> { });
            HttpResponse<String> health = get(daemon, "/health");
            assertEquals(200, health.statusCode(), health.body());
            assertTrue(daemon.jobs().get(0).nextRun().isPresent());
        }
    }

    @Test
    void aFailedVerificationShowsInMetricsAndHealth() throws Exception {
        BackupSetup setup = setup("0 0 3 * * ?");
        Files.writeString(setup.configFile(), Files.readString(setup.configFile()).replaceAll("(?m)^    - \\{ environment: broken.*\\n", ""));
        BackupSetup devOnly = BackupSetup.load(setup.configFile());
        try (BackupDaemon daemon = new BackupDaemon(devOnly, Clock.systemUTC())) {
            daemon.start();
            dev.drydock.backup.BackupService service = new dev.drydock.backup.BackupService(devOnly, daemon.metrics(), Clock.systemUTC());
            dev.drydock.backup.archive.BackupId id = service.backup("dev", "checksum", line -> { }).id();
            assertEquals(200, get(daemon, "/health").statusCode());
            try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(dir.resolve("backups/" + id.archiveName()).toFile(), "rw")) {
                file.seek(120);
                int b = file.read();
                file.seek(120);
                file.write(b ^ 0x08);
            }
            assertFalse(service.verify(id, "checksum").passed());
            String metrics = get(daemon, "/metrics").body();
            assertEquals(1.0, metric(metrics, "drydock_verify_failure_total", "dev"), metrics);
            assertEquals(1.0, metric(metrics, "drydock_backup_failure_total", "dev"), metrics);
            HttpResponse<String> health = get(daemon, "/health");
            assertEquals(503, health.statusCode(), "the only backup failed verification: " + health.body());
            assertTrue(health.body().contains("no verified backup yet"), health.body());
        }
    }

    @Test
    void aTakenPortIsAConfigErrorAndNoBackupStarts() throws Exception {
        BackupSetup setup = setup("* * * * * ?");
        int port = setup.config().backup().httpPort();
        try (ServerSocket taken = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            BadInputException e = assertThrows(BadInputException.class, () -> new BackupDaemon(setup, Clock.systemUTC()).start());
            assertTrue(e.getMessage().contains("backup.http.port") && e.getMessage().contains("cannot listen on"), e.getMessage());
        }
        Thread.sleep(1500);
        assertFalse(Files.exists(dir.resolve("backups")) && Files.list(dir.resolve("backups")).findAny().isPresent(),
                "the scheduler never ran");
    }

    @Test
    void aBadCronExpressionIsAConfigError() throws Exception {
        BadInputException e = assertThrows(BadInputException.class,
                () -> new BackupDaemon(setup("every night"), Clock.systemUTC()).start());
        assertTrue(e.getMessage().contains("backup.jobs[0].schedule"), e.getMessage());
    }
}
