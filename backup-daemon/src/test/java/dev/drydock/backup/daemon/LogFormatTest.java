package dev.drydock.backup.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drydock.backup.SqliteFixture;
import dev.drydock.backup.cli.BackupDaemonCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run --log-format json}: a real daemon process logs its start and, on SIGTERM, its stop, one JSON object per line. */
class LogFormatTest {

    @TempDir
    Path dir;

    @Test
    void theDaemonLogsStartAndStopAsJsonLines() throws Exception {
        SqliteFixture.create(dir, 3);
        Path config = Files.writeString(dir.resolve("drydock.yaml"), """
                environments:
                  dev: { url: "jdbc:sqlite:./app.db" }
                backup:
                  store: "file:./backups"
                  http: { port: 0 }
                  jobs: [ { environment: dev, schedule: "0 0 3 * * ?" } ]
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process daemon = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BackupDaemonCommand.class.getName(), "--config", config.toString(), "run", "--log-format", "json").start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(daemon.getErrorStream(), StandardCharsets.UTF_8))) {
            String line = err.readLine();
            assertTrue(line != null && line.contains("started: 1 job(s)"), "first line: " + line);
            lines.add(line);
            // SIGTERM, as systemd stops it (Process.destroy would close the stream being read)
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(daemon.pid())).start().waitFor());
            for (line = err.readLine(); line != null; line = err.readLine()) {
                lines.add(line);
            }
        }
        assertTrue(daemon.waitFor(60, TimeUnit.SECONDS));
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode event = json.readTree(line);
            assertEquals("INFO", event.get("level").asText(), line);
            assertTrue(event.get("timestamp").asLong() > 0, line);
        }
        assertEquals("stopped", json.readTree(lines.get(lines.size() - 1)).get("formattedMessage").asText(), lines.toString());
    }
}
