package dev.drydock.backup.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.SlidingTimeWindowArrayReservoir;
import com.codahale.metrics.Timer;
import dev.drydock.backup.catalog.Catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The daemon's metrics in a Dropwizard registry, exported in Prometheus' text format under DESIGN.md's names,
 * each labelled by environment. The timestamps of the newest backup and the newest verified backup are read
 * from the store when an environment is registered, so a daemon that has just started does not report "never"
 * (and page) while its store holds good backups.
 */
public final class BackupMetrics {

    static final String DURATION = "drydock_backup_duration_seconds";
    static final String BYTES = "drydock_backup_bytes";
    static final String SUCCESSES = "drydock_backup_success_total";
    static final String FAILURES = "drydock_backup_failure_total";
    static final String LAST_SUCCESS = "drydock_backup_last_success_timestamp_seconds";
    static final String LAST_VERIFIED = "drydock_backup_last_verified_timestamp_seconds";
    static final String VERIFY_FAILURES = "drydock_verify_failure_total";

    private final MetricRegistry registry = new MetricRegistry();
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();
    private final Map<String, DoubleAdder> durationSums = new ConcurrentHashMap<>();
    private final Set<String> environments = ConcurrentHashMap.newKeySet();

    /** Registers the environment's metrics at zero, so dashboards and alerts see them before the first run. */
    public void register(String environment) {
        environments.add(environment);
        timer(environment);
        gauge(BYTES, environment);
        counter(SUCCESSES, environment);
        counter(FAILURES, environment);
        gauge(LAST_SUCCESS, environment);
        gauge(LAST_VERIFIED, environment);
        counter(VERIFY_FAILURES, environment);
    }

    /**
     * Registers the environment with what the store already holds: the newest published backup (its finish time
     * and size) and the newest one that passed verification (when it did).
     */
    public void register(String environment, List<Catalog.Entry> entries) {
        register(environment);
        for (Catalog.Entry entry : entries) {
            if (!entry.id().environment().equals(environment) || entry.manifest().isEmpty()) {
                continue;
            }
            Optional<Instant> finished = instant(entry.manifest().get().finishedAt());
            if (finished.isPresent() && finished.get().getEpochSecond() >= gauge(LAST_SUCCESS, environment).get()) {
                gauge(LAST_SUCCESS, environment).set(finished.get().getEpochSecond());
                gauge(BYTES, environment).set(entry.bytes());
            }
            entry.verification().filter(v -> v.passed()).flatMap(v -> instant(v.verifiedAt()))
                    .ifPresent(at -> gauge(LAST_VERIFIED, environment).accumulateAndGet(at.getEpochSecond(), Math::max));
        }
    }

    public void backupSucceeded(String environment, Duration duration, long bytes, Instant at) {
        timer(environment).update(duration.toNanos(), TimeUnit.NANOSECONDS);
        durationSums.computeIfAbsent(environment, e -> new DoubleAdder()).add(duration.toNanos() / 1e9);
        gauge(BYTES, environment).set(bytes);
        counter(SUCCESSES, environment).inc();
        gauge(LAST_SUCCESS, environment).set(at.getEpochSecond());
    }

    public void backupFailed(String environment) {
        counter(FAILURES, environment).inc();
    }

    public void verified(String environment, Instant at) {
        gauge(LAST_VERIFIED, environment).set(at.getEpochSecond());
    }

    public void verificationFailed(String environment) {
        counter(VERIFY_FAILURES, environment).inc();
        counter(FAILURES, environment).inc();
    }

    public long count(String metric, String environment) {
        Counter counter = registry.getCounters().get(name(metric, environment));
        return counter == null ? 0 : counter.getCount();
    }

    /** The Prometheus text exposition format, version 0.0.4. */
    public String prometheusText() {
        PrometheusText text = new PrometheusText();
        Set<String> all = new TreeSet<>(environments);
        text.family(DURATION, "summary", "How long each backup took, from the start of the dump to the published"
                + " archive, over the last 7 days");
        for (String environment : all) {
            Timer timer = timer(environment);
            for (double quantile : new double[] {0.5, 0.9, 0.99}) {
                text.sample(DURATION, environment, "quantile", quantile,
                        timer.getSnapshot().getValue(quantile) / 1e9);
            }
            text.sample(DURATION + "_sum", environment, durationSums.getOrDefault(environment, new DoubleAdder()).sum());
            text.sample(DURATION + "_count", environment, timer.getCount());
        }
        gaugeFamily(text, all, BYTES, "Size in bytes of the newest published backup archive");
        counterFamily(text, all, SUCCESSES, "Backups published (and, where the job says so, verified) since the"
                + " daemon started");
        counterFamily(text, all, FAILURES, "Backups that failed since the daemon started: the dump, the store or"
                + " the verification");
        gaugeFamily(text, all, LAST_SUCCESS, "Unix time the newest backup was published (read from the store at"
                + " start-up; 0 when there is none)");
        gaugeFamily(text, all, LAST_VERIFIED, "Unix time the newest backup passed verification (read from the store"
                + " at start-up; 0 when none has)");
        counterFamily(text, all, VERIFY_FAILURES, "Verifications that failed since the daemon started");
        return text.toString();
    }

    private void gaugeFamily(PrometheusText text, Set<String> all, String metric, String help) {
        text.family(metric, "gauge", help);
        all.forEach(environment -> text.sample(metric, environment, gauge(metric, environment).get()));
    }

    private void counterFamily(PrometheusText text, Set<String> all, String metric, String help) {
        text.family(metric, "counter", help);
        all.forEach(environment -> text.sample(metric, environment, counter(metric, environment).getCount()));
    }

    private Timer timer(String environment) {
        return registry.timer(name(DURATION, environment),
                () -> new Timer(new SlidingTimeWindowArrayReservoir(7, TimeUnit.DAYS)));
    }

    private Counter counter(String metric, String environment) {
        return registry.counter(name(metric, environment));
    }

    private AtomicLong gauge(String metric, String environment) {
        return gauges.computeIfAbsent(name(metric, environment), key -> {
            AtomicLong value = new AtomicLong();
            registry.gauge(key, () -> (Gauge<Long>) value::get);
            return value;
        });
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String name(String metric, String environment) {
        return metric.replace('_', '.') + "." + environment;
    }
}
