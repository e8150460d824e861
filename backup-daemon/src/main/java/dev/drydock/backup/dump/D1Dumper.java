package dev.drydock.backup.dump;

import dev.drydock.backup.archive.Manifest;
import dev.drydock.shared.BadInputException;
import dev.drydock.shared.d1.D1Environment;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Cloudflare D1, through wrangler: {@code wrangler d1 export}'s SQL is the dump ({@code dump/d1.sql.zst}). The export
 * is loaded into SQLite before it is stored, so a backup that would not restore fails here, and the manifest
 * describes what the loaded copy holds, wrangler's {@code d1_migrations} included. A remote database's time-travel
 * bookmark, taken just before the export, is recorded too.
 */
public record D1Dumper(D1Environment d1) implements Dumper {

    @Override
    public String entryName() {
        return "dump/d1.sql.zst";
    }

    @Override
    public DumpResult dump(OutputStream entry, Path workDir) throws IOException {
        var settings = d1.wrangler().settings();
        if (settings.local() && settings.persistTo() != null) {
            throw new BadInputException(d1.wrangler().describe() + ": wrangler d1 export reads local databases only"
                    + " from wrangler's own state folder, not wrangler.persistTo; remove persistTo to back it up");
        }
        String bookmark = settings.local() ? null : d1.wrangler().bookmark();
        Path export = workDir.resolve("d1.sql");
        d1.wrangler().export(export);
        Path loaded = workDir.resolve("loaded.sqlite");
        D1Export.loadInto(export, loaded);
        DumpResult described;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + loaded)) {
            described = SqliteInspector.describe(connection, d1.wrangler().database(), "d1", d1.history().table());
        } catch (SQLException e) {
            throw new IOException("cannot describe the loaded D1 export: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(loaded);
        }
        Files.copy(export, entry);
        return new DumpResult(described.database(), new Manifest.Tool("wrangler d1 export ("
                + d1.wrangler().settings().location() + ")"), described.migrationState(), described.schemaFingerprint(),
                described.tables(), new Manifest.D1(bookmark));
    }
}
