package dev.drydock.backup.daemon;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlSplitter;
import dev.drydock.shared.sql.SqlStatement;
import org.quartz.impl.jdbcjobstore.JobStoreTX;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates Quartz's tables in the shared PostgreSQL job store when they are missing, from the script Quartz
 * ships, leaving out its DROP statements so that a second daemon can never wipe the schedule of the first.
 * An advisory lock keeps two daemons starting together from creating them twice.
 */
final class ClusterSchema {

    private static final String SCRIPT = "/org/quartz/impl/jdbcjobstore/tables_postgres.sql";
    private static final long LOCK = 0x6472796463L; // "drydc"

    private ClusterSchema() {
    }

    static void ensure(Connection connection) throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_xact_lock(" + LOCK + ")");
            try (ResultSet rows = statement.executeQuery("select to_regclass('qrtz_locks') is not null")) {
                rows.next();
                if (rows.getBoolean(1)) {
                    connection.commit();
                    return;
                }
            }
            for (SqlStatement sql : new SqlSplitter(Dialect.POSTGRESQL).split(script()).statements()) {
                String text = sql.text().strip();
                if (!text.regionMatches(true, 0, "DROP", 0, 4) && !text.regionMatches(true, 0, "COMMIT", 0, 6)) {
                    statement.execute(text);
                }
            }
            connection.commit();
        } catch (SQLException | IOException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String script() throws IOException {
        try (InputStream in = JobStoreTX.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("the Quartz jar has no " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
