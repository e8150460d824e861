package dev.drydock.backup.restore;

import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A restore that has been proven beside its target and waits to be swapped in. Closing it without {@link #replace}
 * removes the scratch copy and leaves the target as it was.
 */
public final class RehearsedRestore implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final BackupId id;
    private final Manifest manifest;
    private final RestoreTarget target;
    private final RestoreTarget.Rehearsal rehearsal;
    private final Path workDir;
    private final Clock clock;
    private final Consumer<String> progress;

    RehearsedRestore(BackupId id, Manifest manifest, RestoreTarget target, RestoreTarget.Rehearsal rehearsal,
                     Path workDir, Clock clock, Consumer<String> progress) {
        this.id = id;
        this.manifest = manifest;
        this.target = target;
        this.rehearsal = rehearsal;
        this.workDir = workDir;
        this.clock = clock;
        this.progress = progress;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** Copies what the target holds now into {@code folder} (SQLite: beside the database) and returns where. */
    public Path safetyCopy(Path folder) throws IOException {
        progress.accept("keeping a copy of what " + target + " holds now");
        return target.safetyCopy(folder, STAMP.format(clock.instant()));
    }

    /** Swaps the rehearsed content in for what the target holds. */
    public void replace() throws IOException {
        progress.accept("replacing " + target + " with " + id);
        target.replace(rehearsal, workDir);
    }

    @Override
    public void close() throws IOException {
        if (rehearsal.stagedFile() != null) {
            Files.deleteIfExists(rehearsal.stagedFile());
        }
        deleteTree(workDir);
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
