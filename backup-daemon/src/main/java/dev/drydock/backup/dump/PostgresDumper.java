package dev.drydock.backup.dump;

import dev.drydock.shared.BadInputException;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL: {@code pg_dump} in custom format without its own compression, compressed with zstd in the JVM
 * as the bytes stream into the archive (hashed on the way): one pass, no temporary copy. pg_dump dumps the
 * snapshot that this dumper exports and describes, so the manifest matches the dump even under writes.
 */
public record PostgresDumper(PostgresConnection connection) implements Dumper {

    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?");
    private static final byte[] MAGIC = {'P', 'G', 'D', 'M', 'P'};

    @Override
    public String entryName() {
        return "dump/" + connection.database() + ".pgdump.zst";
    }

    @Override
    public DumpResult dump(OutputStream entry, Path workDir) throws IOException {
        ExternalTool pgDump = ExternalTool.find("pg_dump");
        String toolVersion = pgDump.version();
        try (Connection database = connection.open()) {
            database.setAutoCommit(false);
            database.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            database.setReadOnly(true);
            refuseOlderTool(toolVersion, database);
            String snapshot;
            try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery("select pg_export_snapshot()")) {
                rows.next();
                snapshot = rows.getString(1);
            }
            // the description reads the same snapshot while pg_dump dumps it, so its table scans overlap the dump
            CompletableFuture<DumpResult> description = CompletableFuture.supplyAsync(() -> {
                try {
                    return PostgresInspector.describe(database, connection.database(), toolVersion.replace("(PostgreSQL) ", ""));
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            });
            HeaderCheck header = new HeaderCheck();
            try {
                pgDump.run(List.of("--format=custom", "--compress=0", "--no-password", "--snapshot=" + snapshot),
                        connection.toolEnvironment(), null, new FilterOutputStream(entry) {
                            @Override
                            public void write(byte[] buffer, int offset, int length) throws IOException {
                                header.see(buffer, offset, length);
                                out.write(buffer, offset, length);
                            }
                        });
            } finally {
                description.handle((result, failure) -> null).join();
            }
            DumpResult result = described(description);
            header.require(result.tables().size());
            database.commit();
            return result;
        } catch (SQLException e) {
            throw new IOException("cannot read " + connection + ": " + e.getMessage(), e);
        }
    }

    private static DumpResult described(CompletableFuture<DumpResult> description) throws SQLException {
        try {
            return description.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
    }

    /** pg_dump refuses servers newer than itself, but say so before starting, naming the fix. */
    private static void refuseOlderTool(String toolVersion, Connection database) throws SQLException {
        int serverMajor;
        try (Statement statement = database.createStatement(); ResultSet rows = statement.executeQuery("show server_version_num")) {
            rows.next();
            serverMajor = rows.getInt(1) / 10000;
        }
        Matcher matcher = VERSION.matcher(toolVersion.replaceAll("^[^0-9]*", ""));
        if (matcher.lookingAt() && Integer.parseInt(matcher.group(1)) < serverMajor) {
            throw new BadInputException(toolVersion + " is older than the server (PostgreSQL " + serverMajor
                    + "); install postgresql-client-" + serverMajor + " and put its pg_dump first on PATH");
        }
    }

    /** Fails a dump that does not start like a pg_dump archive: a tool that printed nothing useful. */
    private static final class HeaderCheck {
        private final byte[] first = new byte[MAGIC.length];
        private int seen;
        private long total;

        void see(byte[] buffer, int offset, int length) {
            for (int i = 0; i < length && seen < first.length; i++) {
                first[seen++] = buffer[offset + i];
            }
            total += length;
        }

        void require(int tables) throws IOException {
            if (seen < MAGIC.length || !java.util.Arrays.equals(first, MAGIC)) {
                throw new IOException("pg_dump produced " + total + " bytes that are not a custom-format dump; refusing"
                        + " the backup");
            }
            if (tables > 0 && total < 64L * tables) {
                throw new IOException("pg_dump produced only " + total + " bytes for " + tables + " tables; refusing the"
                        + " backup");
            }
        }
    }
}
