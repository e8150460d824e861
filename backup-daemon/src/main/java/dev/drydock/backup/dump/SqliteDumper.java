package dev.drydock.backup.dump;

import dev.drydock.backup.archive.Manifest;
import dev.drydock.shared.BadInputException;
import org.sqlite.SQLiteConnection;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * SQLite: a consistent copy taken with SQLite's online backup API while writers may be active, compressed
 * with zstd into the archive. The copy, not the live file, is what the manifest describes.
 */
public record SqliteDumper(Path database) implements Dumper {

    private static final int SQLITE_OK = 0;
    private static final int SQLITE_DONE = 101;

    @Override
    public String entryName() {
        String name = database.getFileName().toString().replaceFirst("\\.(db|sqlite3?)$", "");
        return "dump/" + name + ".sqlite.zst";
    }

    @Override
    public DumpResult dump(OutputStream entry, Path workDir) throws IOException {
        if (!Files.isRegularFile(database)) {
            // sqlite-jdbc would create an empty database here, and an empty backup would look like a good one
            throw new BadInputException(database + ": the SQLite database does not exist; check the environment's url");
        }
        Path copy = Files.createTempFile(workDir, "snapshot-", ".sqlite");
        try {
            try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + database)) {
                // All pages in one step, so the copy is one consistent snapshot; while a writer holds the lock the
                // step is retried every 50 ms for up to 30 s (the "backup to" statement gives up after a few tries).
                int result = source.unwrap(SQLiteConnection.class).getDatabase()
                        .backup("main", copy.toString(), null, 50, 600, -1);
                if (result != SQLITE_OK && result != SQLITE_DONE) {
                    throw new IOException("SQLite backup of " + database + " failed with result code " + result
                            + " (the database stayed locked for 30 s)");
                }
            }
            DumpResult result;
            try (Connection snapshot = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
                result = SqliteInspector.describe(snapshot, database.getFileName().toString());
            }
            Files.copy(copy, entry);
            return result;
        } catch (SQLException e) {
            throw new IOException("SQLite backup of " + database + " failed: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
