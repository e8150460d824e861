package dev.drydock.backup.dump;

import dev.drydock.shared.BadInputException;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where a PostgreSQL database is and how to log in, taken apart from a JDBC URL so that pg_dump and pg_restore
 * can be pointed at it. {@link #toString()} leaves the password out.
 */
public record PostgresConnection(String host, int port, String database, String user, String password) {

    public static PostgresConnection of(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new BadInputException(jdbcUrl + " is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length == 2 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
            }
        }
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        return new PostgresConnection(uri.getHost() == null ? "127.0.0.1" : uri.getHost(),
                uri.getPort() < 0 ? 5432 : uri.getPort(), database,
                user != null ? user : query.getOrDefault("user", System.getProperty("user.name")),
                password != null ? password : query.get("password"));
    }

    public PostgresConnection withDatabase(String name) {
        return new PostgresConnection(host, port, name, user, password);
    }

    public Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, properties);
    }

    /** The libpq environment for pg_dump and pg_restore; the password travels only here. */
    public Map<String, String> toolEnvironment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("PGHOST", host);
        environment.put("PGPORT", Integer.toString(port));
        environment.put("PGUSER", user);
        environment.put("PGDATABASE", database);
        if (password != null) {
            environment.put("PGPASSWORD", password);
        }
        return environment;
    }

    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }
}
