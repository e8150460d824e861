package dev.drydock.backup.dump;

import com.github.luben.zstd.ZstdOutputStream;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.shared.BadInputException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite: a consistent copy taken with SQLite's online backup API while writers may be active, compressed
 * with zstd into the archive. The copy, not the live file, is what the manifest describes.
 */
public record SqliteDumper(Path database) implements Dumper {

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
            try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + database);
                 Statement statement = source.createStatement()) {
                statement.executeUpdate("backup to '" + copy.toString().replace("'", "''") + "'");
            }
            DumpResult result;
            try (Connection snapshot = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
                result = SqliteInspector.describe(snapshot, database.getFileName().toString());
            }
            try (OutputStream compressed = new ZstdOutputStream(new KeepOpenStream(entry), 3)) {
                Files.copy(copy, compressed);
            }
            return result;
        } catch (SQLException e) {
            throw new IOException("SQLite backup of " + database + " failed: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
