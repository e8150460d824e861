package dev.drydock.backup.restore;

import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.dump.ExternalTool;
import dev.drydock.backup.dump.MariadbConnection;
import dev.drydock.backup.verify.ScratchServers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A MariaDB or MySQL database. Its DDL commits statement by statement, so no transaction can cover the
 * replacement: the rehearsal on a scratch database of the same server is what proves the dump loads, and only
 * then is the target emptied and loaded. A failure after that point names the safety copy to load back.
 */
record MariadbTarget(MariadbConnection connection) implements RestoreTarget {

    @Override
    public String engine() {
        return "mariadb";
    }

    @Override
    public long tables() throws IOException {
        try (Connection session = connection.withDatabase("").open(); Statement statement = session.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from information_schema.tables where table_schema = '"
                     + connection.database().replace("'", "''") + "'")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IOException("cannot reach " + connection + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Rehearsal rehearse(Path dump, Manifest manifest, Path workDir, ScratchServers scratchServers)
            throws IOException {
        return new Rehearsal(dump, ScratchRestore.mariadb(scratchServers.mariadb().orElse(connection), dump, manifest), null);
    }

    @Override
    public Path safetyCopy(Path folder, String stamp) throws IOException {
        Path copy = folder.resolve(connection.database() + ".before-restore-" + stamp + ".sql");
        Path options = connection.optionFile(folder);
        try (OutputStream out = Files.newOutputStream(copy)) {
            ExternalTool.find("mariadb-dump").run(List.of("--defaults-extra-file=" + options, "--single-transaction",
                    "--routines", "--triggers", "--events", "--hex-blob", "--no-tablespaces",
                    "--default-character-set=utf8mb4", connection.database()), Map.of(), null, out);
        } catch (IOException e) {
            Files.deleteIfExists(copy);
            throw e;
        } finally {
            Files.deleteIfExists(options);
        }
        return copy;
    }

    @Override
    public void replace(Rehearsal rehearsal, Path workDir) throws IOException {
        ScratchRestore.execute(connection.withDatabase("")::open, "CREATE DATABASE IF NOT EXISTS `"
                + connection.database().replace("`", "``") + "`", connection);
        empty();
        ScratchRestore.load(connection, connection.database(), rehearsal.dump());
    }

    /** Drops views, tables, routines and events, so that afterwards the database holds exactly the backup. */
    private void empty() throws IOException {
        try (Connection session = connection.open(); Statement statement = session.createStatement()) {
            statement.execute("SET FOREIGN_KEY_CHECKS = 0");
            for (String view : names(statement, "select table_name from information_schema.views where table_schema = database()")) {
                statement.execute("DROP VIEW IF EXISTS " + quote(view));
            }
            for (String table : names(statement, "select table_name from information_schema.tables where"
                    + " table_schema = database() and table_type = 'BASE TABLE'")) {
                statement.execute("DROP TABLE IF EXISTS " + quote(table));
            }
            for (String routine : names(statement, "select concat(routine_type, ' ', routine_name) from"
                    + " information_schema.routines where routine_schema = database()")) {
                int space = routine.indexOf(' ');
                statement.execute("DROP " + routine.substring(0, space) + " IF EXISTS " + quote(routine.substring(space + 1)));
            }
            for (String event : names(statement, "select event_name from information_schema.events where event_schema = database()")) {
                statement.execute("DROP EVENT IF EXISTS " + quote(event));
            }
        } catch (SQLException e) {
            throw new IOException("cannot empty " + connection + " before loading the backup: " + e.getMessage(), e);
        }
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
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

    @Override
    public String toString() {
        return connection.toString();
    }
}
