package dev.drydock.shared.history;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/** Whether a table (or a column of it) exists where the connection's unqualified names resolve. */
final class Tables {

    private Tables() {
    }

    static boolean exists(Connection connection, String table) throws SQLException {
        return exists(connection, schema(connection), table);
    }

    /** @param schema the schema to look in (PostgreSQL), or null for any */
    static boolean exists(Connection connection, String schema, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet tables = metaData.getTables(connection.getCatalog(), schema, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        try (ResultSet columns = connection.getMetaData().getColumns(connection.getCatalog(), schema(connection),
                table, null)) {
            while (columns.next()) {
                if (columns.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** PostgreSQL's current schema; null (any) where the driver has no schemas (MariaDB, SQLite). */
    private static String schema(Connection connection) throws SQLException {
        try {
            return connection.getSchema();
        } catch (SQLException | AbstractMethodError unsupported) {
            return null;
        }
    }
}
