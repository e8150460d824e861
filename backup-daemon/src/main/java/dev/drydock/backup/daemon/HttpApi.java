package dev.drydock.backup.daemon;

import dev.drydock.shared.config.CredentialMask;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drydock.backup.catalog.CatalogRows;

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
 */
final class HttpApi {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final BackupDaemon daemon;
    private final HttpServer server;

    HttpApi(BackupDaemon daemon, String bind, int port) throws IOException {
        this.daemon = daemon;
        this.server = HttpServer.create(new InetSocketAddress(bind, port), 16);
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "drydock-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/health", exchange -> respond(exchange, this::health));
        server.createContext("/metrics", exchange -> respond(exchange, () -> new Response(200,
                "text/plain; version=0.0.4; charset=utf-8", daemon.metrics().prometheusText())));
        server.createContext("/api/backups", exchange -> respond(exchange, () -> new Response(200, "application/json",
                JSON.writeValueAsString(backups()))));
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

    private List<Map<String, Object>> backups() throws IOException {
        return CatalogRows.of(daemon.catalog().entries(Optional.empty()));
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
