package dev.drydock.backup.dump;


import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * MariaDB/MySQL: {@code mariadb-dump --single-transaction --routines --triggers --events}, compressed with zstd in
 * the JVM as it streams into the archive.
 *
 * <p>MariaDB cannot hand a snapshot to another session, so the manifest is kept in step with the dump the way
 * {@code mysqldump --master-data} does it: writes are held with {@code FLUSH TABLES WITH READ LOCK} while this
 * dumper opens its own consistent snapshot and mariadb-dump opens its one, and released as soon as the dump
 * writes its first table (its transaction has begun by then), usually well under a second. This needs the
 * RELOAD privilege.
 */
public record MariadbDumper(MariadbConnection connection) implements Dumper {

    private static final byte[] FIRST_TABLE = "\n-- Table structure for table".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String entryName() {
        return "dump/" + connection.database() + ".sql.zst";
    }

    @Override
    public DumpResult dump(OutputStream entry, Path workDir) throws IOException {
        ExternalTool tool = ExternalTool.find("mariadb-dump");
        String version = tool.version();
        Path options = connection.optionFile(workDir);
        try (Connection session = connection.open(); Statement statement = session.createStatement()) {
            statement.execute("FLUSH TABLES WITH READ LOCK");
            session.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            statement.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
            Unlock unlock = new Unlock(statement);
            try {
                tool.run(List.of("--defaults-extra-file=" + options, "--single-transaction", "--routines", "--triggers",
                        "--events", "--hex-blob", "--no-tablespaces", "--default-character-set=utf8mb4",
                        connection.database()), Map.of(), null, new ReleaseAtFirstTable(entry, unlock));
            } finally {
                unlock.run();
            }
            DumpResult result = MariadbInspector.describe(session, connection.database(), version);
            statement.execute("COMMIT");
            return result;
        } catch (SQLException e) {
            throw new IOException("cannot read " + connection + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(options);
        }
    }

    /** Releases the global read lock once. */
    private static final class Unlock {
        private final Statement statement;
        private boolean done;

        Unlock(Statement statement) {
            this.statement = statement;
        }

        void run() throws IOException {
            if (done) {
                return;
            }
            done = true;
            try {
                statement.execute("UNLOCK TABLES");
            } catch (SQLException e) {
                throw new IOException("cannot release the read lock: " + e.getMessage(), e);
            }
        }
    }

    /** Passes the dump through and releases the lock when the first table's section begins. */
    private static final class ReleaseAtFirstTable extends FilterOutputStream {
        private final Unlock unlock;
        private int matched;

        ReleaseAtFirstTable(OutputStream out, Unlock unlock) {
            super(out);
            this.unlock = unlock;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length && !unlock.done; i++) {
                matched = buffer[i] == FIRST_TABLE[matched] ? matched + 1 : buffer[i] == FIRST_TABLE[0] ? 1 : 0;
                if (matched == FIRST_TABLE.length) {
                    unlock.run();
                }
            }
            out.write(buffer, offset, length);
        }
    }
}
