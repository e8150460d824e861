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
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

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
        return take(environment, dumper, UnaryOperator.identity());
    }

    /** @param naming what the manifest's migration state gains beyond the dump's own reading (file names) */
    public BackupId take(String environment, Dumper dumper, UnaryOperator<Manifest.MigrationState> naming)
            throws IOException {
        BackupId id = unusedId(environment);
        Instant started = clock.instant();
        Path partial = store.partialFile(id);
        Path workDir = Files.createTempDirectory("drydock-backup-");
        try (ArchiveWriter writer = new ArchiveWriter(partial)) {
            progress.accept("dumping " + environment + " into " + id);
            DumpResult result;
            try (OutputStream entry = writer.compressedEntry(dumper.entryName())) {
                result = dumper.dump(new Progress(entry, progress), workDir);
            }
            Manifest manifest = new Manifest(Manifest.FORMAT, id.value(), environment, result.database(),
                    started.toString(), clock.instant().toString(), result.tool(), naming.apply(result.migrationState()),
                    result.schemaFingerprint(), result.tables(), writer.entries(), result.d1());
            writer.finish(manifest);
        } finally {
            deleteQuietly(workDir);
        }
        store.publish(partial, id);
        progress.accept("published " + id + " (" + store.size(id) + " bytes) to " + store.describe());
        return id;
    }

    /**
     * Ids are stamped to the second, so a second backup of the environment within the same second (a migrator's
     * gate right after the daemon's job) waits for the next second instead of replacing the first one.
     */
    private BackupId unusedId(String environment) throws IOException {
        Set<BackupId> taken = new HashSet<>(store.list());
        BackupId id = new BackupId(environment, clock.instant());
        for (int attempt = 0; taken.contains(id) || Files.exists(store.partialFile(id)); attempt++) {
            if (attempt == 3) {
                throw new IOException("the backup id " + id + " is taken and the clock does not move on; nothing"
                        + " was written");
            }
            try {
                Thread.sleep(1_000 - clock.instant().getNano() / 1_000_000 + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for a free backup id", e);
            }
            id = new BackupId(environment, clock.instant());
        }
        return id;
    }

    /** Reports every few seconds how much of the dump has been written, so a long dump shows it is alive. */
    private static final class Progress extends java.io.FilterOutputStream {
        private static final long EVERY_NANOS = 3_000_000_000L;
        private final Consumer<String> progress;
        private final long start = System.nanoTime();
        private long last = start;
        private long bytes;

        Progress(OutputStream out, Consumer<String> progress) {
            super(out);
            this.progress = progress;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            bytes += length;
            long now = System.nanoTime();
            if (now - last >= EVERY_NANOS) {
                last = now;
                progress.accept(String.format("  %,d MiB written (%.0f s)", bytes >> 20, (now - start) / 1e9));
            }
        }

        @Override
        public void close() {
            // the entry belongs to the archive writer
        }
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
