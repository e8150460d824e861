package dev.drydock.backup.dump;

import dev.drydock.shared.BadInputException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where a MariaDB or MySQL database is and how to log in, from a {@code jdbc:mariadb:} or {@code jdbc:mysql:} URL.
 * The client tools get the credentials through an option file readable only by this user, never the command
 * line. {@link #toString()} leaves the password out.
 */
public record MariadbConnection(String host, int port, String database, String user, String password) {

    public static MariadbConnection of(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:mariadb://") && !jdbcUrl.startsWith("jdbc:mysql://")) {
            throw new BadInputException(jdbcUrl + " is not a MariaDB/MySQL JDBC URL (jdbc:mariadb://host:port/database)");
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        String urlUser = null;
        String urlPassword = null;
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].equals("user")) {
                urlUser = kv[1];
            } else if (kv.length == 2 && kv[0].equals("password")) {
                urlPassword = kv[1];
            }
        }
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "" : uri.getPath().substring(1);
        return new MariadbConnection(uri.getHost() == null ? "127.0.0.1" : uri.getHost(),
                uri.getPort() < 0 ? 3306 : uri.getPort(), database, user != null ? user : urlUser != null ? urlUser : "root",
                password != null ? password : urlPassword);
    }

    public MariadbConnection withDatabase(String name) {
        return new MariadbConnection(host, port, name, user, password);
    }

    public Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:mariadb://" + host + ":" + port + "/" + database, properties);
    }

    /** A 0600 option file for mariadb-dump and mariadb ({@code --defaults-extra-file}); delete it after use. */
    public Path optionFile(Path workDir) throws IOException {
        Path file = Files.createTempFile(workDir, "client-", ".cnf",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        StringBuilder text = new StringBuilder("[client]\n")
                .append("host=").append(host).append('\n')
                .append("port=").append(port).append('\n')
                .append("protocol=tcp\n")
                .append("user=").append(user).append('\n');
        if (password != null) {
            text.append("password=\"").append(password.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
        }
        Files.writeString(file, text);
        return file;
    }

    @Override
    public String toString() {
        return "mariadb://" + user + "@" + host + ":" + port + "/" + database;
    }
}
