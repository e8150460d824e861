package dev.drydock.backup;

import dev.drydock.backup.archive.ArchiveWriter;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.dump.DumpResult;
import dev.drydock.backup.dump.Dumper;
import dev.drydock.backup.store.BackupStore;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One backup: dump into an archive that nobody can see yet, write the manifest last, force it to disk, then
 * publish it in one step. If anything fails on the way, the partial archive is deleted and nothing is listed.
 */
public final class BackupRun {

    private final BackupStore store;
    private final Clock clock;
    private final Consumer<String> progress;

    public BackupRun(BackupStore store, Clock clock, Consumer<String> progress) {
        this.store = store;
        this.clock = clock;
        this.progress = progress;
    }

    public BackupId take(String environment, Dumper dumper) throws IOException {
        Instant started = clock.instant();
        BackupId id = new BackupId(environment, started);
        Path partial = store.partialFile(id);
        Path workDir = Files.createTempDirectory("drydock-backup-");
        try (ArchiveWriter writer = new ArchiveWriter(partial)) {
            progress.accept("dumping " + environment + " into " + id);
            DumpResult result;
            try (OutputStream entry = writer.entry(dumper.entryName())) {
                result = dumper.dump(entry, workDir);
            }
            Manifest manifest = new Manifest(Manifest.FORMAT, id.value(), environment, result.database(),
                    started.toString(), clock.instant().toString(), result.tool(), result.migrationState(),
                    result.schemaFingerprint(), result.tables(), writer.entries());
            writer.finish(manifest);
        } finally {
            deleteQuietly(workDir);
        }
        store.publish(partial, id);
        progress.accept("published " + id + " (" + store.size(id) + " bytes) to " + store.describe());
        return id;
    }

    /** Removes the work folder; a failure here must not hide the backup's own error. */
    private static void deleteQuietly(Path workDir) {
        try (var paths = Files.walk(workDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary folder left behind is harmless
        }
    }
}
