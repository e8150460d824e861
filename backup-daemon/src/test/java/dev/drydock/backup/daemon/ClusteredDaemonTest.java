package dev.drydock.backup.daemon;

import dev.drydock.backup.SqliteFixture;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.cli.BackupDaemonCommand;
import dev.drydock.backup.store.FileStore;
import dev.drydock.shared.testing.ScratchDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two daemons, as two processes, sharing one schedule through Quartz's clustered JDBC store on the local
 * PostgreSQL: every firing runs on exactly one of them.
 */
class ClusteredDaemonTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private Path config(String clusterDatabase, int httpPort, int index) throws Exception {
        return Files.writeString(dir.resolve("drydock-" + index + ".yaml"), """
                environments:
                  dev: { url: "jdbc:sqlite:./app.db" }
                backup:
                  store: "file:./backups"
                  http: { bind: 127.0.0.1, port: %d }
                  cluster: { url: "jdbc:postgresql://127.0.0.1:5432/%s", user: postgres }
                  jobs:
                    - { environment: dev, schedule: "*/2 * * * * ?", retention: { keepLast: 100 } }
                """.formatted(httpPort, clusterDatabase));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Process daemon(Path config, int index) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), BackupDaemonCommand.class.getName(), "--config", config.toString(), "run")
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon-" + index + ".log").toFile()).start();
    }

    private double successes(int port) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = Pattern.compile("(?m)^drydock_backup_success_total\\{environment=\"dev\",?} ([0-9.]+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private boolean answers(int port) {
        try {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void eachFiringRunsOnExactlyOneDaemon() throws Exception {
        SqliteFixture.create(dir, 20);
        try (ScratchDatabases.Scratch cluster = ScratchDatabases.postgres()) {
            int[] ports = {freePort(), freePort()};
            List<Process> daemons = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    daemons.add(daemon(config(cluster.name(), ports[i], i), i));
                }
                long deadline = System.currentTimeMillis() + 60_000;
                while (!(answers(ports[0]) && answers(ports[1])) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
                Thread.sleep(12_000);
                try (Connection connection = cluster.connect(); Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("select count(*) from qrtz_scheduler_state")) {
                    rows.next();
                    assertEquals(2, rows.getLong(1), "both daemons checked in to the cluster");
                }
                double runs = successes(ports[0]) + successes(ports[1]);
                // stop both (SIGTERM: a running backup finishes first), then count what landed
                daemons.forEach(Process::destroy);
                for (Process daemon : daemons) {
                    assertTrue(daemon.waitFor(60, TimeUnit.SECONDS));
                }
                List<BackupId> archives = new FileStore(dir.resolve("backups")).list();
                assertTrue(runs >= 3, "the shared schedule fired: " + runs + "; " + Files.readString(dir.resolve("daemon-0.log")));
                assertTrue(archives.size() >= runs, "no firing ran twice: " + runs + " runs, " + archives.size() + " archives");
                assertTrue(archives.size() <= runs + 2, "at most a run per daemon finished after the count: " + archives.size());
            } finally {
                daemons.forEach(Process::destroyForcibly);
            }
        }
    }
}
