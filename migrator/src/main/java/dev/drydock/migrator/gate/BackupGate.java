package dev.drydock.migrator.gate;

import dev.drydock.backup.BackupService;
import dev.drydock.backup.BackupSetup;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.catalog.Catalog;
import dev.drydock.backup.metrics.BackupMetrics;
import dev.drydock.shared.config.BackupConfig;
import dev.drydock.shared.config.DurationText;
import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.d1.D1History;
import org.flywaydb.core.api.MigrationInfo;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The backup gate: the newest backup of the environment in the catalog must be verified, younger than the
 * environment's {@code maxAge}, and hold the migration state the database has now; otherwise one is taken and
 * verified before anything is applied.
 */
public final class BackupGate {

    /** What the gate decided: the backup to fall back on (empty when skipped) and a line saying why. */
    public record Outcome(Optional<BackupId> backup, String summary) {
    }

    private final BackupSetup setup;
    private final Clock clock;

    public BackupGate(BackupSetup setup, Clock clock) {
        this.setup = setup;
        this.clock = clock;
    }

    /**
     * @param state the database's migration state now, as {@link #flywayState} or {@link #d1State} read it: the
     *              newest backup must have been taken at the same one
     */
    public Outcome pass(EnvironmentConfig environment, List<String> state, BackupMode mode,
                        Consumer<String> progress) throws IOException {
        if (mode.skip()) {
            return new Outcome(Optional.empty(), "backup gate skipped: " + mode.reason());
        }
        if (mode.kind().equals("auto")) {
            Optional<Catalog.Entry> newest = newest(environment.name());
            String why;
            if (newest.isEmpty()) {
                why = "there is no backup of " + environment.name();
            } else {
                why = unusable(newest.get(), environment.backupMaxAge(), state).orElse(null);
                if (why == null) {
                    return new Outcome(Optional.of(newest.get().id()), "backup gate: " + newest.get().id()
                            + " is verified, " + age(newest.get()).toSeconds() + " s old, and holds the database's"
                            + " migration state");
                }
            }
            progress.accept("backup gate: " + why + "; taking one now");
        }
        BackupService.Outcome taken = new BackupService(setup, new BackupMetrics(), clock)
                .backup(environment.name(), verifyLevel(environment.name()), progress);
        if (!taken.verification().passed()) {
            throw new GateRefusal("backup gate: the backup " + taken.id() + " failed its verification ("
                    + taken.verification() + "); nothing was applied");
        }
        return new Outcome(Optional.of(taken.id()), "backup gate: took and verified " + taken.id());
    }

    private Optional<Catalog.Entry> newest(String environment) throws IOException {
        List<Catalog.Entry> entries = new Catalog(setup.store()).entries(Optional.of(environment));
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(entries.size() - 1));
    }

    private Optional<String> unusable(Catalog.Entry entry, Duration maxAge, List<String> now) {
        if (!entry.status().equals("verified")) {
            return Optional.of("the newest backup " + entry.id() + " is " + entry.status());
        }
        Duration age = age(entry);
        if (maxAge != null && age.compareTo(maxAge) > 0) {
            return Optional.of("the newest backup " + entry.id() + " is " + DurationText.of(age.withNanos(0)) + " old,"
                    + " over maxAge " + DurationText.of(maxAge));
        }
        Manifest.MigrationState recorded = entry.manifest().orElseThrow().migrationState();
        List<String> then = new ArrayList<>();
        if (recorded != null && recorded.applied() != null) {
            for (Manifest.AppliedMigration migration : recorded.applied()) {
                if (migration.version() != null) {
                    then.add(migration.version() + ":" + migration.checksum() + ":" + migration.success());
                }
            }
        }
        if (!then.equals(now)) {
            return Optional.of("the newest backup " + entry.id() + " was taken at another migration state");
        }
        return Optional.empty();
    }

    private Duration age(Catalog.Entry entry) {
        return Duration.between(entry.id().startedAt(), Instant.now(clock));
    }

    /** The state of a Flyway history, in the form a backup's manifest records it. */
    public static List<String> flywayState(MigrationInfo[] applied) {
        List<String> state = new ArrayList<>();
        for (MigrationInfo info : applied) {
            if (info.getVersion() != null && info.getInstalledOn() != null) {
                state.add(info.getVersion().getVersion() + ":" + info.getChecksum() + ":"
                        + (info.getState().isFailed() ? "false" : "true"));
            }
        }
        return state;
    }

    /** The state of wrangler's D1 history, in the form a backup's manifest records it (no checksums, no failures). */
    public static List<String> d1State(List<D1History.Row> rows) {
        return rows.stream().map(row -> D1History.version(row.name()) + ":null:true").toList();
    }

    /** The job's verification level for the environment, or a checksum check where no job names one. */
    private String verifyLevel(String environment) {
        return setup.config().backup().jobs().stream().filter(job -> job.environment().equals(environment))
                .map(BackupConfig.Job::verify).filter(level -> level != null).findFirst().orElse("checksum");
    }
}
