package dev.drydock.migrator.run;

import dev.drydock.shared.config.DatabaseEngine;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A mark in the database for each migration being applied, so that a migrator killed halfway leaves a trace the
 * next run can explain. The mark is written on a connection of its own before the migration starts, and deleted on
 * the migration's own connection when it ends, so where the migration runs in a transaction the mark leaves with
 * its commit. A mark left behind means the migrator died during that migration; whether part of it may have stayed
 * depends on whether it ran in a transaction on a database whose DDL is transactional (PostgreSQL), or not
 * (MySQL/MariaDB commit every DDL statement, and some PostgreSQL statements run outside a transaction).
 * On SQLite the journal keeps nothing: every migration there runs in a transaction, and a second connection
 * writing while the migration holds the file would wait on it.
 */
public final class ApplyJournal implements Callback {

    public static final String TABLE = "drydock_apply_journal";

    /** A migration a dead migrator was applying. */
    public record Mark(String version, String description, String script, Instant startedAt, String host,
                       boolean mayHaveStayed) {
    }

    private final DataSource dataSource;
    private final boolean kept;
    private final boolean transactionalDdl;
    private Connection writer;
    private String host;

    /** The journal of the database Flyway's {@code dataSource} reaches; on SQLite one that keeps nothing. */
    public ApplyJournal(DataSource dataSource, String jdbcUrl) {
        this.dataSource = dataSource;
        this.kept = !DatabaseEngine.SQLITE.matches(jdbcUrl);
        this.transactionalDdl = DatabaseEngine.of(jdbcUrl).map(DatabaseEngine::transactionalDdl).orElse(true);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return kept && (event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE);
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        MigrationInfo info = context.getMigrationInfo();
        String version = info.getVersion() == null ? "" : info.getVersion().getVersion();
        try {
            if (event == Event.BEFORE_EACH_MIGRATE) {
                // Flyway calls this inside the migration's transaction when it has one: autocommit is off then.
                boolean inTransaction = !context.getConnection().getAutoCommit();
                begin(version, info.getDescription(), info.getScript(), !(transactionalDdl && inTransaction));
            } else {
                end(context.getConnection(), version);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the apply journal " + TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "drydock-apply-journal";
    }

    /**
     * Marks a migration as started, on the journal's own connection, so the mark stays if the run dies.
     *
     * @param mayStay whether part of the migration stays applied when it dies halfway (no transaction, or DDL that
     *                commits at once)
     */
    public void begin(String version, String description, String script, boolean mayStay) throws SQLException {
        if (!kept) {
            return;
        }
        if (writer == null) { // one connection for the whole run: a set of hundreds of migrations opens one, not hundreds
            writer = dataSource.getConnection();
            writer.setAutoCommit(true);
            host = host();
            try (Statement create = writer.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (version VARCHAR(50) NOT NULL,"
                        + " description VARCHAR(200), script VARCHAR(1000), started_at TIMESTAMP(6) NOT NULL,"
                        + " host VARCHAR(300), may_stay INT NOT NULL)");
            }
        }
        try (PreparedStatement insert = writer.prepareStatement("INSERT INTO " + TABLE
                + " (version, description, script, started_at, host, may_stay) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, version);
            insert.setString(2, description);
            insert.setString(3, script);
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.setString(5, host);
            insert.setInt(6, mayStay ? 1 : 0);
            insert.executeUpdate();
        }
    }

    /** Removes a migration's mark on the migration's own connection, so it leaves with the migration's commit. */
    public void end(Connection migration, String version) throws SQLException {
        if (!kept) {
            return;
        }
        try (PreparedStatement delete = migration.prepareStatement("DELETE FROM " + TABLE + " WHERE version = ?")) {
            delete.setString(1, version);
            delete.executeUpdate();
        }
    }

    /** The marks left by migrators that died while applying; call it under the migration lock. */
    public List<Mark> marks() throws SQLException {
        List<Mark> marks = new ArrayList<>();
        if (!kept) {
            return marks;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!exists(connection)) {
                return marks;
            }
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                    "SELECT version, description, script, started_at, host, may_stay FROM " + TABLE
                            + " ORDER BY started_at")) {
                while (rows.next()) {
                    marks.add(new Mark(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getTimestamp(4).toInstant(), rows.getString(5), rows.getInt(6) == 1));
                }
            }
        }
        return marks;
    }

    /**
     * Once the drift gate has let a run through (so no mark says part of a migration may have stayed): tells of the
     * marks whose migration died with its transaction, and clears them.
     */
    public void settle(List<Mark> marks, Consumer<String> progress) throws SQLException {
        for (Mark mark : marks) {
            progress.accept("the migrator applying " + mark.version() + " " + mark.description() + " died (started "
                    + mark.startedAt() + " on " + mark.host() + "); its transaction was rolled back, so none of it"
                    + " stayed");
        }
        if (!marks.isEmpty()) {
            clear();
        }
    }

    /** Removes every mark, and closes the run's connection: the run is over, or an operator has settled a dead one's. */
    public void clear() throws SQLException {
        if (!kept) {
            return;
        }
        try (Connection connection = writer != null ? writer : dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (exists(connection)) {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("DELETE FROM " + TABLE);
                }
            }
        } finally {
            writer = null;
        }
    }

    private static boolean exists(Connection connection) throws SQLException {
        for (String name : new String[] {TABLE, TABLE.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String host() {
        String pid = " (pid " + ProcessHandle.current().pid() + ")";
        try {
            return InetAddress.getLocalHost().getHostName() + pid;
        } catch (UnknownHostException e) {
            return "an unknown host" + pid;
        }
    }
}
