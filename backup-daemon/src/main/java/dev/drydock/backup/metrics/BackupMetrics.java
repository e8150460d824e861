package dev.drydock.backup.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.SlidingTimeWindowArrayReservoir;
import com.codahale.metrics.Timer;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.dropwizard.DropwizardExports;
import io.prometheus.client.dropwizard.samplebuilder.CustomMappingSampleBuilder;
import io.prometheus.client.dropwizard.samplebuilder.MapperConfig;
import io.prometheus.client.exporter.common.TextFormat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The daemon's metrics in a Dropwizard registry, exported in Prometheus' text format under DESIGN.md's names,
 * each labelled by environment. Dropwizard names carry the environment as their last part
 * ({@code drydock.backup.success.production}) and the exporter maps them to labels.
 */
public final class BackupMetrics {

    private static final List<String> NAMES = List.of("drydock_backup_duration_seconds", "drydock_backup_bytes",
            "drydock_backup_success_total", "drydock_backup_failure_total",
            "drydock_backup_last_success_timestamp_seconds", "drydock_backup_last_verified_timestamp_seconds",
            "drydock_verify_failure_total");

    private final MetricRegistry registry = new MetricRegistry();
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();
    private final CollectorRegistry prometheus = new CollectorRegistry();

    public BackupMetrics() {
        List<MapperConfig> mappings = NAMES.stream().map(name -> new MapperConfig(dropwizardName(name) + ".*", name,
                Map.of("environment", "${0}"))).toList();
        prometheus.register(new DropwizardExports(registry, new CustomMappingSampleBuilder(mappings)));
    }

    /** Registers the environment's metrics at zero, so dashboards and alerts see them before the first run. */
    public void register(String environment) {
        timer(environment);
        gauge("drydock_backup_bytes", environment);
        registry.counter(name("drydock_backup_success_total", environment));
        registry.counter(name("drydock_backup_failure_total", environment));
        gauge("drydock_backup_last_success_timestamp_seconds", environment);
        gauge("drydock_backup_last_verified_timestamp_seconds", environment);
        registry.counter(name("drydock_verify_failure_total", environment));
    }

    public void backupSucceeded(String environment, Duration duration, long bytes, Instant at) {
        timer(environment).update(duration.toNanos(), TimeUnit.NANOSECONDS);
        gauge("drydock_backup_bytes", environment).set(bytes);
        registry.counter(name("drydock_backup_success_total", environment)).inc();
        gauge("drydock_backup_last_success_timestamp_seconds", environment).set(at.getEpochSecond());
    }

    public void backupFailed(String environment) {
        registry.counter(name("drydock_backup_failure_total", environment)).inc();
    }

    public void verified(String environment, Instant at) {
        gauge("drydock_backup_last_verified_timestamp_seconds", environment).set(at.getEpochSecond());
    }

    public void verificationFailed(String environment) {
        registry.counter(name("drydock_verify_failure_total", environment)).inc();
        registry.counter(name("drydock_backup_failure_total", environment)).inc();
    }

    public long count(String metric, String environment) {
        Counter counter = registry.getCounters().get(name(metric, environment));
        return counter == null ? 0 : counter.getCount();
    }

    /** The Prometheus text exposition format, version 0.0.4. */
    public String prometheusText() {
        StringWriter out = new StringWriter();
        try {
            TextFormat.write004(out, prometheus.metricFamilySamples());
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string does not fail", e);
        }
        return out.toString();
    }

    private Timer timer(String environment) {
        return registry.timer(name("drydock_backup_duration_seconds", environment),
                () -> new Timer(new SlidingTimeWindowArrayReservoir(7, TimeUnit.DAYS)));
    }

    private AtomicLong gauge(String metric, String environment) {
        String name = name(metric, environment);
        return values.computeIfAbsent(name, key -> {
            AtomicLong value = new AtomicLong();
            registry.gauge(key, () -> (Gauge<Long>) value::get);
            return value;
        });
    }

    private static String name(String metric, String environment) {
        return dropwizardName(metric) + "." + environment;
    }

    private static String dropwizardName(String prometheusName) {
        return prometheusName.replace('_', '.');
    }
}
