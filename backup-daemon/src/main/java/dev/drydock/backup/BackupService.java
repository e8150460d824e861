package dev.drydock.backup;

import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Verification;
import dev.drydock.backup.metrics.BackupMetrics;
import dev.drydock.backup.store.BackupStore;
import dev.drydock.backup.verify.ChecksumVerifier;
import dev.drydock.backup.verify.RestoreVerifier;
import dev.drydock.shared.BadInputException;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A backup as the runbook wants it, for the CLI and the scheduler alike: take it, verify it at the given
 * level, and record the outcome in the metrics. A failed verification counts as a failed backup.
 */
public final class BackupService {

    /** The backup taken and how its verification went. */
    public record Outcome(BackupId id, Verification verification) {
    }

    private final BackupSetup setup;
    private final BackupStore store;
    private final BackupMetrics metrics;
    private final Clock clock;

    public BackupService(BackupSetup setup, BackupMetrics metrics, Clock clock) {
        this.setup = setup;
        this.store = setup.store();
        this.metrics = metrics;
        this.clock = clock;
    }

    public BackupStore store() {
        return store;
    }

    public static void requireLevel(String level) {
        if (!level.equals(ChecksumVerifier.LEVEL) && !level.equals(RestoreVerifier.LEVEL)) {
            throw new BadInputException("verification level " + level + ": use checksum or restore");
        }
    }

    public Outcome backup(String environment, String level, Consumer<String> progress) throws IOException {
        requireLevel(level);
        Instant started = clock.instant();
        BackupId id;
        try {
            store.removeAbandoned().forEach(name -> progress.accept("removed " + name + ", left by an interrupted run"));
            id = new BackupRun(store, clock, progress).take(environment, setup.dumper(environment),
                    MigrationFileNames.of(setup.config(), setup.config().environments().get(environment)));
        } catch (IOException | RuntimeException e) {
            metrics.backupFailed(environment);
            throw e;
        }
        progress.accept("verifying " + id + " (" + level + ")");
        Verification verification = verify(id, level);
        if (verification.passed()) {
            metrics.backupSucceeded(environment, Duration.between(started, clock.instant()), store.size(id), clock.instant());
        }
        return new Outcome(id, verification);
    }

    public Verification verify(BackupId id, String level) throws IOException {
        requireLevel(level);
        Verification verification = level.equals(ChecksumVerifier.LEVEL)
                ? new ChecksumVerifier(store, clock).verify(id)
                : new RestoreVerifier(store, clock, setup.scratchServers(id.environment())).verify(id);
        if (verification.passed()) {
            metrics.verified(id.environment(), clock.instant());
        } else {
            metrics.verificationFailed(id.environment());
        }
        return verification;
    }
}
