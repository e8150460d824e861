package dev.drydock.backup.dump;

import dev.drydock.backup.archive.Manifest;

import java.util.Map;

/** What a dumper saw in the snapshot it dumped: the manifest's description of the database. */
public record DumpResult(Manifest.Database database, Manifest.Tool tool, Manifest.MigrationState migrationState,
                         String schemaFingerprint, Map<String, Manifest.TableStats> tables, Manifest.D1 d1) {

    public DumpResult(Manifest.Database database, Manifest.Tool tool, Manifest.MigrationState migrationState,
                      String schemaFingerprint, Map<String, Manifest.TableStats> tables) {
        this(database, tool, migrationState, schemaFingerprint, tables, null);
    }
}
