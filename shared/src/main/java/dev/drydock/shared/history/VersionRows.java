package dev.drydock.shared.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A history table of one row per applied version (dbmate's, diesel's). */
final class VersionRows {

    private VersionRows() {
    }

    /** @param appliedAt the column recording when, or null where the runner records no time */
    static List<RunnerHistory.Row> read(Connection connection, String table, String appliedAt) throws SQLException {
        List<RunnerHistory.Row> rows = new ArrayList<>();
        if (!Tables.exists(connection, table)) {
            return rows;
        }
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT version" + (appliedAt == null ? "" : ", " + appliedAt)
                     + " FROM " + table + " ORDER BY version")) {
            while (result.next()) {
                rows.add(new RunnerHistory.Row(result.getString(1), appliedAt == null ? null : result.getString(2),
                        false));
            }
        }
        return rows;
    }

    static void insert(Connection connection, String table, String version) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (version) VALUES (?)")) {
            insert.setString(1, version);
            insert.executeUpdate();
        }
    }

    static void delete(Connection connection, String table, String version) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE version = ?")) {
            delete.setString(1, version);
            delete.executeUpdate();
        }
    }
}
