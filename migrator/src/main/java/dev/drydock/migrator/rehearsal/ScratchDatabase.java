package dev.drydock.migrator.rehearsal;

import dev.drydock.shared.BadInputException;
import dev.drydock.shared.sql.Dialect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A database made for one rehearsal and dropped after it: a temporary SQLite file, or a new database on a
 * PostgreSQL or MariaDB server given by a server URL ({@code jdbc:postgresql://host:5432/postgres?user=...}).
 */
public final class ScratchDatabase implements AutoCloseable {

    private final Dialect dialect;
    private final String url;
    private final String serverUrl;
    private final String name;
    private final Path file;
    private final Properties credentials;

    private ScratchDatabase(Dialect dialect, String url, String serverUrl, String name, Path file, Properties credentials) {
        this.dialect = dialect;
        this.url = url;
        this.serverUrl = serverUrl;
        this.name = name;
        this.file = file;
        this.credentials = credentials;
    }

    /** @param serverUrl where to create the database; null for SQLite, which gets a temporary file */
    public static ScratchDatabase create(Dialect dialect, String serverUrl) throws IOException, SQLException {
        return create(dialect, serverUrl, null, null);
    }

    /** As {@link #create(Dialect, String)}, logging in to the server as {@code user} (null: from the URL). */
    public static ScratchDatabase create(Dialect dialect, String serverUrl, String user, String password)
            throws IOException, SQLException {
        Properties credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        if (dialect == Dialect.SQLITE || dialect == Dialect.D1) {
            Path file = Files.createTempFile("drydock-test-rollback-", ".db");
            return new ScratchDatabase(dialect, "jdbc:sqlite:" + file, null, null, file, new Properties());
        }
        if (serverUrl == null) {
            throw new BadInputException("test-rollback on " + dialect.id() + " needs a server to make a scratch database"
                    + " on: pass --scratch jdbc:" + (dialect == Dialect.POSTGRESQL ? "postgresql://HOST:5432/postgres?user=USER"
                    : "mariadb://HOST:3306/?user=USER") + ", or set verifyUrl in the environment's backup job"
                    + " (a protected environment's own server is never used for it)");
        }
        String name = "drydock_rehearsal_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(serverUrl, credentials); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new ScratchDatabase(dialect, withDatabase(serverUrl, name), serverUrl, name, null, credentials);
    }

    /** The server URL with its database (the path after host:port) replaced by {@code name}. */
    static String withDatabase(String serverUrl, String name) {
        int hostStart = serverUrl.indexOf("//") + 2;
        int pathStart = serverUrl.indexOf('/', hostStart);
        int query = serverUrl.indexOf('?');
        String base = pathStart < 0 ? (query < 0 ? serverUrl : serverUrl.substring(0, query)) : serverUrl.substring(0, pathStart);
        return base + "/" + name + (query < 0 ? "" : serverUrl.substring(query));
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials);
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void close() throws IOException, SQLException {
        if (file != null) {
            Files.deleteIfExists(file);
            return;
        }
        try (Connection admin = DriverManager.getConnection(serverUrl, credentials); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + (dialect == Dialect.POSTGRESQL ? " WITH (FORCE)" : ""));
        }
    }
}
