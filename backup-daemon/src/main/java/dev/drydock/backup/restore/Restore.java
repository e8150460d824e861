package dev.drydock.backup.restore;

import dev.drydock.backup.archive.ArchiveReader;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.archive.Verification;
import dev.drydock.backup.store.BackupStore;
import dev.drydock.backup.verify.RestoreVerifier;
import dev.drydock.backup.verify.ScratchServers;
import dev.drydock.shared.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Restores a stored backup into a database without ever leaving the database worse than it was. In order: the
 * archive's checksums; its last recorded verification (a failed one refuses the restore unless overridden with a
 * reason); a rehearsal that restores the dump beside the target and compares it with the manifest; only then a
 * safety copy of what the target holds and the replacement. An archive that does not restore never reaches the
 * target.
 */
public final class Restore {

    private final BackupStore store;
    private final Clock clock;
    private final Consumer<String> progress;

    public Restore(BackupStore store, Clock clock, Consumer<String> progress) {
        this.store = store;
        this.clock = clock;
        this.progress = progress;
    }

    /**
     * Checks and rehearses the restore of {@code id} into {@code target}; the target is not touched. A rehearsal
     * that fails is recorded as a failed restore verification of the backup, then refused.
     *
     * @param overrideFailedVerification why the operator restores a backup whose last verification failed; empty
     *                                   to refuse such a backup
     */
    public RehearsedRestore rehearse(BackupId id, RestoreTarget target, Optional<String> overrideFailedVerification,
                                     ScratchServers scratchServers) throws IOException {
        Path workDir = Files.createTempDirectory("drydock-restore-");
        try (ArchiveReader reader = new ArchiveReader(store.fetch(id))) {
            progress.accept("checking the checksums of " + id);
            List<String> damage = reader.checksumProblems();
            if (!damage.isEmpty()) {
                throw new RestoreRefused(id + " is damaged, refusing to restore it: " + String.join("; ", damage));
            }
            Manifest manifest = reader.manifest();
            if (!manifest.database().engine().equals(target.engine())) {
                throw new BadInputException(id + " is a " + manifest.database().engine() + " backup; it cannot be"
                        + " restored into " + target.engine() + " (" + target + ")");
            }
            refuseFailedVerification(id, overrideFailedVerification);
            progress.accept("restoring " + id + " into a scratch copy beside " + target);
            Path dump = workDir.resolve("dump");
            RestoreTarget.Rehearsal rehearsal;
            try {
                DumpContent.extract(reader, manifest, dump);
                rehearsal = target.rehearse(dump, manifest, workDir, scratchServers);
            } catch (ScratchRestore.Unavailable e) {
                throw new RestoreRefused(target + " was left as it is: " + e.getMessage());
            } catch (IOException e) {
                throw refusal(id, target, List.of("the restore failed: " + e.getMessage()));
            }
            List<String> differences = RestoreCheck.differences(manifest, rehearsal.restored());
            if (!differences.isEmpty()) {
                if (rehearsal.stagedFile() != null) {
                    Files.deleteIfExists(rehearsal.stagedFile());
                }
                throw refusal(id, target, differences);
            }
            progress.accept("the scratch copy holds what the manifest lists: " + manifest.tables().size() + " tables");
            return new RehearsedRestore(id, manifest, target, rehearsal, workDir, clock, progress);
        } catch (IOException | RuntimeException e) {
            RehearsedRestore.deleteTree(workDir);
            throw e;
        }
    }

    /**
     * {@code backup-daemon restore}: rehearse, then replace. A target that holds tables is refused unless
     * {@code replace}; what it held is kept as a safety copy in {@code safetyFolder} (beside it for SQLite).
     */
    public Manifest into(BackupId id, RestoreTarget target, boolean replace, Optional<String> overrideFailedVerification,
                         Path safetyFolder, ScratchServers scratchServers) throws IOException {
        long tables = target.tables();
        if (tables != 0 && !replace) {
            throw new BadInputException(target + (tables == RestoreTarget.UNREADABLE ? " exists and cannot be read as a"
                    + " database" : " already holds " + tables + " tables") + "; restore into an empty target, or add"
                    + " --force to replace it (a safety copy of it is kept)");
        }
        try (RehearsedRestore rehearsed = rehearse(id, target, overrideFailedVerification, scratchServers)) {
            Optional<Path> copy = tables == 0 ? Optional.empty() : Optional.of(rehearsed.safetyCopy(safetyFolder));
            copy.ifPresent(path -> progress.accept("kept what " + target + " held as " + path));
            try {
                rehearsed.replace();
            } catch (IOException e) {
                throw new IOException("replacing " + target + " with " + id + " failed: " + e.getMessage()
                        + copy.map(path -> "; what it held before is kept in " + path).orElse(""), e);
            }
            return rehearsed.manifest();
        }
    }

    private void refuseFailedVerification(BackupId id, Optional<String> override) throws IOException {
        Optional<Verification> last = store.verification(id);
        if (last.isEmpty() || last.get().passed()) {
            return;
        }
        Verification failed = last.get();
        if (override.isEmpty()) {
            throw new RestoreRefused(id + " failed its last verification (" + failed.level() + ", " + failed.verifiedAt()
                    + ": " + String.join("; ", failed.problems()) + "); restore another backup, or add"
                    + " --ignore-failed-verification REASON if this one is the only way back");
        }
        progress.accept("restoring " + id + " although its last verification failed, because: " + override.get());
    }

    /** Records that the backup does not restore, so that the catalog and the gates stop trusting it, and says no. */
    private RestoreRefused refusal(BackupId id, RestoreTarget target, List<String> problems) {
        try {
            store.writeVerification(id, new Verification(RestoreVerifier.LEVEL, false, clock.instant().toString(),
                    List.of("a rehearsal of the restore into " + target.engine()), problems));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record that " + id + " failed to restore", e);
        }
        return new RestoreRefused(id + " does not restore, so " + target + " was left as it is: "
                + String.join("; ", problems));
    }
}
