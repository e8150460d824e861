package dev.drydock.backup.daemon;

import dev.drydock.backup.BackupSetup;
import dev.drydock.backup.SqliteFixture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status page as a person sees it: headless Chromium renders it, and the screenshot shows the chart. */
class StatusPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void theStatusPageRendersItsTablesAndChart() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            String why = "headless Chromium is not installed at " + CHROMIUM + " (.ci/run installs Debian's chromium)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            System.out.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
        SqliteFixture.create(dir, 30);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("drydock.yaml"), """
                environments:
                  dev: { url: "jdbc:sqlite:./app.db" }
                backup:
                  store: "file:./backups"
                  http: { bind: 127.0.0.1, port: %d }
                  jobs:
                    - { environment: dev, schedule: "* * * * * ?" }
                """.formatted(port));
        try (BackupDaemon daemon = new BackupDaemon(BackupSetup.load(config), Clock.systemUTC())) {
            daemon.start();
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && !http.send(HttpRequest.newBuilder(URI.create(daemon.address()
                    + "/api/backups")).build(), HttpResponse.BodyHandlers.ofString()).body().contains("\"verified\"")) {
                Thread.sleep(200);
            }
            Path screenshot = dir.resolve("status.png");
            Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile"),
                    "--window-size=1000,900", "--screenshot=" + screenshot, daemon.address() + "/")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
            assertTrue(chromium.waitFor(90, TimeUnit.SECONDS), "chromium finished");
            assertEquals(0, chromium.exitValue(), Files.readString(dir.resolve("chromium.log")));
            BufferedImage image = ImageIO.read(screenshot.toFile());
            assertEquals(1000, image.getWidth());
            assertTrue(count(image, 0x4f83cc) > 200, "the chart's size bars are drawn");
            assertTrue(count(image, 0x1a7f37) > 20, "the green 'verified'/'ok' text is drawn");
        }
    }

    private static int count(BufferedImage image, int rgb) {
        int matches = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (close(image.getRGB(x, y) & 0xFFFFFF, rgb)) {
                    matches++;
                }
            }
        }
        return matches;
    }

    private static boolean close(int a, int b) {
        return Math.abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF)) < 24 && Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF)) < 24
                && Math.abs((a & 0xFF) - (b & 0xFF)) < 24;
    }
}
