package dev.drydock.backup.restore;

import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.dump.ExternalTool;
import dev.drydock.backup.dump.PostgresConnection;
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

/**
 * A PostgreSQL database. The rehearsal is a scratch database on the same server; the replacement empties the
 * target and loads the dump in one psql transaction, so a failure anywhere leaves the target as it was.
 */
record PostgresTarget(PostgresConnection connection) implements RestoreTarget {

    @Override
    public String engine() {
        return "postgresql";
    }

    @Override
    public long tables() throws IOException {
        try (Connection session = connection.open(); Statement statement = session.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from pg_tables where schemaname not in"
                     + " ('pg_catalog', 'information_schema')")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            if ("3D000".equals(e.getSQLState())) {
                return 0; // it does not exist yet: replace() creates it
            }
            throw new IOException("cannot reach " + connection + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Rehearsal rehearse(Path dump, Manifest manifest, Path workDir, ScratchServers scratchServers)
            throws IOException {
        PostgresConnection server = scratchServers.postgres().orElse(connection.withDatabase("postgres"));
        return new Rehearsal(dump, ScratchRestore.postgres(server, dump, manifest), null);
    }

    @Override
    public Path safetyCopy(Path folder, String stamp) throws IOException {
        Path copy = folder.resolve(connection.database() + ".before-restore-" + stamp + ".pgdump");
        ExternalTool.find("pg_dump").run(List.of("--format=custom", "--no-password", "--file=" + copy),
                connection.toolEnvironment(), null, OutputStream.nullOutputStream());
        return copy;
    }

    @Override
    public void replace(Rehearsal rehearsal, Path workDir) throws IOException {
        createIfMissing();
        Path script = workDir.resolve("restore.sql");
        ExternalTool.find("pg_restore").run(List.of("--no-owner", "--file=" + script, rehearsal.dump().toString()),
                connection.toolEnvironment(), null, OutputStream.nullOutputStream());
        Path emptying = Files.writeString(workDir.resolve("empty.sql"), emptyingScript());
        ExternalTool.find("psql").run(List.of("--no-psqlrc", "--quiet", "--no-password", "--set=ON_ERROR_STOP=1",
                        "--single-transaction", "--file=" + emptying, "--file=" + script),
                connection.toolEnvironment(), null, OutputStream.nullOutputStream());
    }

    /** Drops every schema the target has, so that afterwards it holds exactly the backup and nothing made since. */
    private String emptyingScript() throws IOException {
        List<String> schemas = new ArrayList<>();
        try (Connection session = connection.open(); Statement statement = session.createStatement();
             ResultSet rows = statement.executeQuery("select nspname from pg_namespace where nspname not like"
                     + " 'pg\\_%' and nspname <> 'information_schema'")) {
            while (rows.next()) {
                schemas.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IOException("cannot read the schemas of " + connection + ": " + e.getMessage(), e);
        }
        StringBuilder sql = new StringBuilder();
        for (String schema : schemas) {
            sql.append("DROP SCHEMA \"").append(schema.replace("\"", "\"\"")).append("\" CASCADE;\n");
        }
        return sql.append("CREATE SCHEMA IF NOT EXISTS public;\n").toString();
    }

    private void createIfMissing() throws IOException {
        try (Connection session = connection.open()) {
            session.isValid(1);
        } catch (SQLException e) {
            if (!"3D000".equals(e.getSQLState())) {
                throw new IOException("cannot reach " + connection + ": " + e.getMessage(), e);
            }
            ScratchRestore.execute(connection.withDatabase("postgres")::open,
                    "CREATE DATABASE \"" + connection.database().replace("\"", "\"\"") + "\"", connection);
        }
    }

    @Override
    public String toString() {
        return connection.toString();
    }
}
