package dev.drydock.backup.daemon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.catalog.Catalog;
import dev.drydock.backup.catalog.CatalogRows;
import dev.drydock.shared.config.CredentialMask;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * The daemon's HTTP endpoints on the JDK's own server: {@code /health}, {@code /metrics}, {@code /api/backups}
 * and the status page {@code /}. Nothing here reads a credential, so none can be served.
 *
 * <p>Slow or stuck clients cannot take the endpoints down: the JDK server reads a request on a worker thread, so
 * there are {@value #WORKERS} workers, a request must arrive whole within {@value #REQUEST_SECONDS} s (then the
 * connection is closed) and its headers are bounded. These are the JDK server's own settings, taken unless the
 * operator set them with {@code -D}.
 */
final class HttpApi {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final int WORKERS = 8;
    static final int REQUEST_SECONDS = 10;
    private static final String BACKUPS = "/api/backups";

    private final BackupDaemon daemon;
    private final HttpServer server;

    HttpApi(BackupDaemon daemon, String bind, int port) throws IOException {
        this.daemon = daemon;
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqHeaders", "64");
        System.getProperties().putIfAbsent("sun.net.httpserver.maxReqHeaderSize", Integer.toString(16 << 10));
        this.server = HttpServer.create(new InetSocketAddress(bind, port), 64);
        server.setExecutor(Executors.newFixedThreadPool(WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "drydock-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/health", exchange -> respond(exchange, this::health));
        server.createContext("/metrics", exchange -> respond(exchange, () -> new Response(200,
                "text/plain; version=0.0.4; charset=utf-8", daemon.metrics().prometheusText())));
        server.createContext(BACKUPS, exchange -> respond(exchange, () -> backups(exchange.getRequestURI().getPath())));
        server.createContext("/", exchange -> respond(exchange, () -> exchange.getRequestURI().getPath().equals("/")
                ? new Response(200, "text/html; charset=utf-8", StatusPage.render(daemon.jobs(), daemon.catalog()
                .entries(Optional.empty()), Health.of(daemon)))
                : new Response(404, "text/plain", "not found\n")));
    }

    void start() {
        server.start();
    }

    void stop() {
        server.stop(1);
    }

    String address() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    private Response health() throws IOException {
        Health health = Health.of(daemon);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", health.ok() ? "ok" : "failing");
        body.put("checks", health.checks());
        return new Response(health.ok() ? 200 : 503, "application/json", JSON.writeValueAsString(body));
    }

    /** {@code /api/backups}: the catalog; {@code /api/backups/ID}: that backup (read alone), or 404. */
    private Response backups(String path) throws IOException {
        if (path.equals(BACKUPS) || path.equals(BACKUPS + "/")) {
            return new Response(200, "application/json",
                    JSON.writeValueAsString(CatalogRows.of(daemon.catalog().entries(Optional.empty()))));
        }
        Optional<BackupId> id = path.startsWith(BACKUPS + "/") && !path.endsWith(".zip")
                ? BackupId.parse(path.substring(BACKUPS.length() + 1)) : Optional.empty();
        Optional<Catalog.Entry> entry = id.isPresent() ? daemon.catalog().entry(id.get()) : Optional.empty();
        if (entry.isEmpty()) {
            return new Response(404, "application/json", "{\"error\": \"no such backup\"}\n");
        }
        return new Response(200, "application/json", JSON.writeValueAsString(CatalogRows.of(List.of(entry.get())).get(0)));
    }

    private record Response(int status, String contentType, String body) {
    }

    private interface Handler {
        Response handle() throws IOException;
    }

    private static void respond(HttpExchange exchange, Handler handler) throws IOException {
        Response response;
        if (!exchange.getRequestMethod().equals("GET")) {
            response = new Response(405, "text/plain", "only GET\n");
        } else {
            try {
                response = handler.handle();
            } catch (IOException | RuntimeException e) {
                response = new Response(500, "text/plain", "error: " + CredentialMask.mask(e.getMessage()) + "\n");
            }
        }
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
