package dev.drydock.migrator.restore;

import dev.drydock.shared.config.DatabaseEngine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Empties an environment's database before an emergency restore, so that afterwards it holds exactly the backup:
 * restoring over it would replace the backup's tables but leave the tables created since. Runs only after the
 * safety backup has been taken and verified. SQLite needs nothing: the restore replaces the whole file.
 */
public final class DatabaseEmptier {

    private DatabaseEmptier() {
    }

    public static void empty(String jdbcUrl, String user, String password) throws SQLException {
        if (DatabaseEngine.SQLITE.matches(jdbcUrl)) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            if (DatabaseEngine.POSTGRESQL.matches(jdbcUrl)) {
                for (String schema : names(statement, "select nspname from pg_namespace where nspname not like 'pg\\_%'"
                        + " and nspname <> 'information_schema'")) {
                    statement.execute("DROP SCHEMA \"" + schema.replace("\"", "\"\"") + "\" CASCADE");
                }
                statement.execute("CREATE SCHEMA IF NOT EXISTS public");
            } else {
                statement.execute("SET FOREIGN_KEY_CHECKS = 0");
                for (String view : names(statement, "select table_name from information_schema.views where table_schema = database()")) {
                    statement.execute("DROP VIEW IF EXISTS `" + view.replace("`", "``") + "`");
                }
                for (String table : names(statement, "select table_name from information_schema.tables where"
                        + " table_schema = database() and table_type = 'BASE TABLE'")) {
                    statement.execute("DROP TABLE IF EXISTS `" + table.replace("`", "``") + "`");
                }
                for (String routine : names(statement, "select concat(routine_type, ' `', routine_name, '`') from"
                        + " information_schema.routines where routine_schema = database()")) {
                    statement.execute("DROP " + routine);
                }
                statement.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
        }
    }

    private static List<String> names(Statement statement, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
