package dev.drydock.backup.daemon;

import dev.drydock.backup.catalog.Catalog;
import dev.drydock.shared.config.CredentialMask;
import dev.drydock.shared.config.EnvironmentConfig;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /health}: the scheduler is running, the store answers, and each job's environment has a verified
 * backup younger than its {@code backup.maxAge} (24 h unless configured). Any failed check makes it 503.
 */
record Health(List<Check> checks) {

    record Check(String name, boolean ok, String detail) {
    }

    boolean ok() {
        return checks.stream().allMatch(Check::ok);
    }

    static Health of(BackupDaemon daemon) {
        List<Check> checks = new ArrayList<>();
        boolean running = daemon.schedulerRunning();
        checks.add(new Check("scheduler", running, running ? "running" : "not running"));
        List<Catalog.Entry> entries;
        try {
            entries = daemon.catalog().entries(Optional.empty());
            checks.add(new Check("store", true, daemon.setup().store().describe() + " answers"));
        } catch (IOException | RuntimeException e) {
            checks.add(new Check("store", false, daemon.setup().store().describe() + " does not answer: " + CredentialMask.mask(e.getMessage())));
            return new Health(checks);
        }
        Instant now = daemon.clock().instant();
        for (BackupDaemon.JobStatus job : daemon.jobs()) {
            EnvironmentConfig environment = daemon.setup().config().environments().get(job.environment());
            Duration window = environment == null ? Duration.ofHours(24) : environment.backupMaxAge();
            Optional<Catalog.Entry> newest = entries.stream()
                    .filter(e -> e.id().environment().equals(job.environment()) && e.status().equals("verified"))
                    .reduce((a, b) -> b);
            boolean fresh = newest.isPresent() && newest.get().id().startedAt().isAfter(now.minus(window));
            String detail = newest.map(e -> "newest verified backup " + e.id() + (fresh ? "" : ", older than " + window))
                    .orElse("no verified backup yet");
            Optional<String> unservable = daemon.unservable(job.environment());
            checks.add(unservable.map(why -> new Check("backup:" + job.environment(), false, "cannot run: "
                    + CredentialMask.mask(why))).orElse(new Check("backup:" + job.environment(), fresh, detail)));
        }
        return new Health(checks);
    }
}
