package dev.drydock.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A small SQLite application database with Flyway's history table, made fresh for each test. */
public final class SqliteFixture {

    private SqliteFixture() {
    }

    public static Path create(Path dir, int users) throws SQLException {
        Path file = dir.resolve("app.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("create table flyway_schema_history (installed_rank int primary key, version text,"
                    + " description text, type text, script text, checksum int, installed_by text, installed_on text,"
                    + " execution_time int, success int)");
            statement.executeUpdate("insert into flyway_schema_history values"
                    + " (1, '1', 'create users', 'SQL', 'V1__create_users.sql', 1234, 'ci', '2026-11-22 02:00:00', 5, 1),"
                    + " (2, '2', 'add notes', 'SQL', 'V2__add_notes.sql', -77, 'ci', '2026-11-22 02:00:01', 3, 1)");
            statement.executeUpdate("create table users (id integer primary key, email text not null)");
            statement.executeUpdate("create index users_email on users (email)");
            statement.executeUpdate("create table notes (id integer primary key, user_id integer references users (id),"
                    + " body text)");
            connection.setAutoCommit(false);
            for (int i = 0; i < users; i++) {
                statement.executeUpdate("insert into users (email) values ('user" + i + "@example.com')");
                statement.executeUpdate("insert into notes (user_id, body) values (" + (i + 1) + ", 'note " + i + "')");
            }
            connection.commit();
        }
        return file;
    }

    /** A checksum of a table's rows in key order, to compare data across a backup and a restore. */
    public static String tableChecksum(Path database, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select * from " + table + " order by 1")) {
            StringBuilder all = new StringBuilder();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int c = 1; c <= columns; c++) {
                    all.append(rows.getString(c)).append('|');
                }
                all.append('\n');
            }
            return Integer.toHexString(all.toString().hashCode()) + ":" + all.length();
        }
    }

    public static long count(Path database, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
