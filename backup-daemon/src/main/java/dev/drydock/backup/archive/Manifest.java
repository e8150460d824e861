package dev.drydock.backup.archive;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}, the last entry of every archive: what was backed up, from which database and
 * migration state, and the SHA-256 of every other entry. It never holds a credential.
 */
public record Manifest(int format, String id, String environment, Database database, String startedAt,
                       String finishedAt, Tool tool, MigrationState migrationState, String schemaFingerprint,
                       Map<String, TableStats> tables, List<Entry> entries) {

    public static final int FORMAT = 1;
    public static final String ENTRY_NAME = "manifest.json";

    public record Database(String engine, String serverVersion, String name) {
    }

    public record Tool(String dumper) {
    }

    /** The runner's history table as it was in the snapshot; {@code table} is null when there was none. */
    public record MigrationState(String table, List<AppliedMigration> applied) {
    }

    public record AppliedMigration(String version, String description, String checksum, String installedOn,
                                   boolean success) {
    }

    public record TableStats(long rows) {
    }

    /**
     * One archive entry: its stored size and SHA-256, and for a compressed dump the size of its content once
     * decompressed ({@code contentBytes}), which bounds what a restore will write. Archives written before
     * Drydock recorded it have none.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String path, long bytes, String sha256, Long contentBytes) {
    }
}
