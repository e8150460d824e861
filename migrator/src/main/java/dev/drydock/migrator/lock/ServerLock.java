package dev.drydock.migrator.lock;

import dev.drydock.migrator.run.RunInterrupted;
import dev.drydock.shared.config.DatabaseEngine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One Drydock command at a time on a PostgreSQL or MariaDB database, across {@code up}, {@code down} and
 * {@code restore}: a session-level lock (PostgreSQL's advisory lock, MariaDB's GET_LOCK) held on a connection of its
 * own for the whole command. The server releases it when the session ends, so a killed migrator never leaves it
 * held. ({@code up} is also under Flyway's own lock while Flyway applies.)
 */
public final class ServerLock implements AutoCloseable {

    /** The advisory lock key: "drydock" as a number, the same for every Drydock release. */
    private static final long POSTGRES_KEY = 0x647279646f636bL;
    private static final String MARIADB_NAME = "drydock_migrator";
    private static final String POSTGRES_HELD = "select count(*) from pg_locks where locktype = 'advisory' and granted"
            + " and pid = pg_backend_pid() and ((classid::bigint << 32) | objid::bigint) = " + POSTGRES_KEY;
    private static final String MARIADB_HELD = "select count(*) from dual where is_used_lock(concat('" + MARIADB_NAME
            + "_', database())) = connection_id()";

    private final Connection connection;
    private final String heldQuery;

    private ServerLock(Connection connection, String heldQuery) {
        this.connection = connection;
        this.heldQuery = heldQuery;
    }

    /** The lock for a PostgreSQL or MariaDB URL; for SQLite (see {@link SqliteFileLock}) a lock that holds nothing. */
    public static ServerLock acquire(String jdbcUrl, String user, String password, Duration timeout,
                                     Consumer<String> progress) throws SQLException, InterruptedException {
        boolean postgres = DatabaseEngine.POSTGRESQL.matches(jdbcUrl);
        if (!postgres && !DatabaseEngine.MARIADB.matches(jdbcUrl)) {
            return new ServerLock(null, null);
        }
        Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
        String tryLock = postgres ? "select pg_try_advisory_lock(" + POSTGRES_KEY + ")"
                : "select get_lock(concat('" + MARIADB_NAME + "_', database()), 0)"; // MariaDB's names are server-wide
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean told = false;
        try {
            while (true) {
                try (PreparedStatement statement = connection.prepareStatement(tryLock);
                     ResultSet rows = statement.executeQuery()) {
                    Object got = rows.next() ? rows.getObject(1) : null; // PostgreSQL: boolean; MariaDB: 1, 0 or NULL
                    if (Boolean.TRUE.equals(got) || got instanceof Number number && number.intValue() == 1) {
                        return new ServerLock(connection, postgres ? POSTGRES_HELD : MARIADB_HELD);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new LockTimeout("another migrator has held the database for more than " + timeout.toSeconds()
                            + " s; nothing was changed. Wait for it to finish (or raise --lock-timeout)");
                }
                if (!told) {
                    progress.accept("waiting for another migrator on this database (up to " + timeout.toSeconds() + " s)");
                    told = true;
                }
                Thread.sleep(250);
            }
        } catch (SQLException | RuntimeException | InterruptedException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Stops the command (exit 3) when the lock is no longer this command's: its session was terminated, or the server
     * restarted. Another migrator may already hold it, so going on would run two at once. Called before each
     * migration and each rollback.
     */
    public void checkHeld() {
        if (connection == null) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(heldQuery); ResultSet rows = statement.executeQuery()) {
            if (rows.next() && rows.getLong(1) == 1) {
                return;
            }
            throw new RunInterrupted("the migration lock was lost (its session no longer holds it); stopped before the"
                    + " next migration so that two migrators never run at once. 'migrator status' shows what was applied");
        } catch (SQLException e) {
            throw new RunInterrupted("the migration lock was lost with its connection (" + firstLine(e) + "); stopped"
                    + " before the next migration so that two migrators never run at once. 'migrator status' shows"
                    + " what was applied");
        }
    }

    private static String firstLine(SQLException e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close(); // ends the session, and with it the lock
        }
    }
}
