package dev.drydock.backup.archive;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}, the last entry of every archive: what was backed up, from which database and
 * migration state, and the SHA-256 of every other entry. It never holds a credential.
 */
public record Manifest(int format, String id, String environment, Database database, String startedAt,
                       String finishedAt, Tool tool, MigrationState migrationState, String schemaFingerprint,
                       Map<String, TableStats> tables, List<Entry> entries,
                       @JsonInclude(JsonInclude.Include.NON_NULL) D1 d1) {

    public static final int FORMAT = 1;
    public static final String ENTRY_NAME = "manifest.json";

    /**
     * What makes this manifest unfit to describe the archive stored as {@code stored}: a format this Drydock does not
     * read, an id or environment other than the file's, a missing field, a time that is not one. Empty when sound.
     */
    public List<String> problems(BackupId stored) {
        List<String> problems = new ArrayList<>();
        if (format != FORMAT) {
            problems.add(format > FORMAT ? "manifest format " + format + " is newer than this Drydock reads (" + FORMAT
                    + "); upgrade Drydock to read it" : "the manifest has no valid format (" + format + ")");
        }
        if (!stored.value().equals(id)) {
            problems.add("the manifest names backup " + id + " but the archive is stored as " + stored);
        }
        if (!stored.environment().equals(environment)) {
            problems.add("the manifest names environment " + environment + " but the archive is stored under "
                    + stored.environment());
        }
        if (database == null || database.engine() == null) {
            problems.add("the manifest names no database engine");
        }
        for (String time : new String[] {startedAt, finishedAt}) {
            try {
                Instant.parse(String.valueOf(time));
            } catch (DateTimeParseException e) {
                problems.add("the manifest's time '" + time + "' is not an ISO-8601 instant");
            }
        }
        if (migrationState == null || migrationState.applied() == null || tables == null || schemaFingerprint == null) {
            problems.add("the manifest lacks its migration state, tables or schema fingerprint");
        }
        if (entries == null || entries.isEmpty()) {
            problems.add("the manifest lists no entries");
        }
        return problems;
    }

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
     * What only a Cloudflare D1 backup has: the time-travel bookmark of the remote database when it was exported
     * (null for a local one), with which D1 itself can go back to that moment.
     */
    public record D1(String bookmark) {
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
