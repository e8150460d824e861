package dev.drydock.backup.daemon;

import dev.drydock.backup.BackupService;
import dev.drydock.backup.BackupSetup;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.catalog.Catalog;
import dev.drydock.backup.metrics.BackupMetrics;
import dev.drydock.backup.retention.RetentionPolicy;
import dev.drydock.shared.config.BackupConfig;
import dev.drydock.shared.config.ConfigException;
import dev.drydock.shared.config.CredentialMask;
import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.d1.D1Environment;
import dev.drydock.shared.d1.WranglerException;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The service: a Quartz cron trigger per configured job, each firing a verified backup and then the job's
 * retention, plus the HTTP endpoints. A trigger that misfired while the daemon was down fires once at start-up
 * (Quartz's "fire once now"), not once per missed slot. Closing waits for a running backup to finish; a
 * backup killed with the process leaves only a partial archive, which the next run removes.
 */
public final class BackupDaemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupDaemon.class);

    /** A configured job as the status page shows it. */
    public record JobStatus(String environment, String schedule, String verify, Optional<Instant> nextRun) {
    }

    private final BackupSetup setup;
    private final BackupMetrics metrics = new BackupMetrics();
    private final BackupService service;
    private final Clock clock;
    private final Map<String, String> unservable = new java.util.concurrent.ConcurrentHashMap<>();
    private Scheduler scheduler;
    private HttpApi http;

    public BackupDaemon(BackupSetup setup, Clock clock) {
        this.setup = setup;
        this.clock = clock;
        this.service = new BackupService(setup, metrics, clock);
    }

    public void start() throws SchedulerException, IOException {
        List<BackupConfig.Job> jobs = setup.config().backup().jobs();
        for (int i = 0; i < jobs.size(); i++) {
            if (!CronExpression.isValidExpression(jobs.get(i).schedule())) {
                throw new ConfigException(setup.configFile(), "backup.jobs[" + i + "].schedule", null, "'"
                        + jobs.get(i).schedule() + "' is not a Quartz cron expression (seconds minutes hours"
                        + " day-of-month month day-of-week, e.g. '0 0 2 * * ?')");
            }
        }
        checkD1Jobs(jobs);
        scheduler = new StdSchedulerFactory(schedulerProperties()).getScheduler();
        scheduler.getContext().put(ScheduledBackup.DAEMON, this);
        List<Catalog.Entry> stored = storedBackups();
        for (BackupConfig.Job job : jobs) {
            metrics.register(job.environment(), stored);
            schedule(job);
        }
        String bind = setup.config().backup().httpBind();
        int port = setup.config().backup().httpPort();
        try {
            http = new HttpApi(this, bind, port);
        } catch (java.net.BindException e) {
            scheduler.shutdown(false);
            throw new ConfigException(setup.configFile(), "backup.http.port", null, "cannot listen on " + bind + ":" + port
                    + " (" + e.getMessage() + "); stop what uses it or choose another port");
        }
        http.start();
        scheduler.start();
        LOG.info("started: {} job(s), store {}, http on {}", jobs.size(), service.store().describe(), http.address());
    }

    /**
     * A D1 job needs wrangler, and on a remote database wrangler's login: one that cannot be served says so in one
     * line now, and on {@code /health} until it is fixed, instead of "no verified backup yet". It stays scheduled, so
     * the next firing after the fix (say a {@code wrangler login}) backs it up.
     */
    private void checkD1Jobs(List<BackupConfig.Job> jobs) {
        for (BackupConfig.Job job : jobs) {
            EnvironmentConfig environment = setup.config().environments().get(job.environment());
            if (environment == null || !environment.isD1()) {
                continue;
            }
            try {
                D1Environment.of(environment).wrangler().checkReady();
            } catch (WranglerException e) {
                LOG.error("backup job {} cannot run: {}", job.environment(), e.getMessage());
                unservable.put(job.environment(), e.getMessage());
            }
        }
    }

    /** Why a job cannot run at all, as found at start-up; empty when it can. */
    public Optional<String> unservable(String environment) {
        return Optional.ofNullable(unservable.get(environment));
    }

    /**
     * Declares a job's trigger. In a cluster every daemon declares the same jobs: one already in the shared store
     * with the same schedule is left alone (replacing it could fire a slot twice), a changed schedule replaces it.
     */
    private void schedule(BackupConfig.Job job) throws SchedulerException {
        Trigger existing = scheduler.getTrigger(TriggerKey.triggerKey(job.environment()));
        if (existing instanceof CronTrigger cron && cron.getCronExpression().equals(job.schedule())) {
            return;
        }
        try {
            scheduler.scheduleJob(JobBuilder.newJob(ScheduledBackup.class).withIdentity(job.environment())
                            .usingJobData(ScheduledBackup.ENVIRONMENT, job.environment()).storeDurably().build(),
                    Set.of(TriggerBuilder.newTrigger().withIdentity(job.environment())
                            .withSchedule(CronScheduleBuilder.cronSchedule(job.schedule())
                                    .withMisfireHandlingInstructionFireAndProceed()).build()), existing != null);
        } catch (ObjectAlreadyExistsException e) {
            // another daemon of the cluster declared it a moment earlier
        }
    }

    /**
     * A RAM job store for one daemon; with {@code backup.cluster}, Quartz's clustered JDBC store on PostgreSQL,
     * where the daemons share one schedule and each firing runs on exactly one of them.
     */
    private Properties schedulerProperties() throws IOException, SchedulerException {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", "drydock-backup-daemon");
        properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        BackupConfig.Cluster cluster = setup.config().backup().cluster();
        if (cluster == null) {
            properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            return properties;
        }
        String user = cluster.user() == null ? null : cluster.user().reveal();
        String password = cluster.password() == null ? null : cluster.password().reveal();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(cluster.url(), user, password)) {
            ClusterSchema.ensure(connection);
        } catch (java.sql.SQLException e) {
            throw new SchedulerException("cannot prepare the cluster job store at " + CredentialMask.mask(cluster.url() + ": " + e.getMessage()), e);
        }
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        properties.setProperty("org.quartz.jobStore.useProperties", "true");
        properties.setProperty("org.quartz.jobStore.dataSource", "drydock");
        properties.setProperty("org.quartz.dataSource.drydock.provider", "hikaricp");
        properties.setProperty("org.quartz.dataSource.drydock.driver", "org.postgresql.Driver");
        properties.setProperty("org.quartz.dataSource.drydock.URL", cluster.url());
        properties.setProperty("org.quartz.dataSource.drydock.maxConnections", "4");
        if (user != null) {
            properties.setProperty("org.quartz.dataSource.drydock.user", user);
        }
        if (password != null) {
            properties.setProperty("org.quartz.dataSource.drydock.password", password);
        }
        return properties;
    }

    void runJob(String environment) {
        BackupConfig.Job job = job(environment);
        LOG.info("backup of {} started ({} verification)", environment, job.verify());
        try {
            BackupService.Outcome outcome = service.backup(environment, job.verify(), LOG::info);
            if (!outcome.verification().passed()) {
                LOG.error("backup {} FAILED {} verification: {}", outcome.id(), job.verify(),
                        String.join("; ", outcome.verification().problems()));
                return;
            }
            LOG.info("backup {} verified ({})", outcome.id(), job.verify());
            RetentionPolicy.Plan plan = RetentionPolicy.plan(new Catalog(service.store()).entries(Optional.of(environment)),
                    job.retention());
            for (BackupId id : plan.delete()) {
                service.store().delete(id);
                LOG.info("retention removed {}", id);
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("backup of {} failed: {}", environment, CredentialMask.mask(e.getMessage()));
        }
    }

    private BackupConfig.Job job(String environment) {
        return setup.config().backup().jobs().stream().filter(j -> j.environment().equals(environment)).findFirst()
                .orElseThrow();
    }

    BackupMetrics metrics() {
        return metrics;
    }

    BackupSetup setup() {
        return setup;
    }

    Catalog catalog() {
        return new Catalog(service.store());
    }

    /** What the store holds at start-up, for metrics that are true from the first scrape; none if it cannot be read. */
    private List<Catalog.Entry> storedBackups() {
        try {
            return catalog().entries(java.util.Optional.empty());
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the store at start-up ({}); the backup timestamps start at 0 until the next backup",
                    CredentialMask.mask(e.getMessage()));
            return List.of();
        }
    }

    Clock clock() {
        return clock;
    }

    boolean schedulerRunning() {
        try {
            return scheduler != null && scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    public List<JobStatus> jobs() {
        List<JobStatus> statuses = new ArrayList<>();
        for (BackupConfig.Job job : setup.config().backup().jobs()) {
            Optional<Instant> next = Optional.empty();
            try {
                Trigger trigger = scheduler.getTrigger(TriggerKey.triggerKey(job.environment()));
                next = Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant);
            } catch (SchedulerException e) {
                // reported as no next run
            }
            statuses.add(new JobStatus(job.environment(), job.schedule(), job.verify(), next));
        }
        return statuses;
    }

    /** The address the HTTP endpoints listen on. */
    public String address() {
        return http.address();
    }

    /** Waits for a running backup to finish, then stops the scheduler and the endpoints. */
    @Override
    public void close() {
        if (scheduler != null) {
            LOG.info("stopping: waiting for a running backup to finish");
        }
        try {
            if (scheduler != null) {
                scheduler.shutdown(true);
            }
        } catch (SchedulerException e) {
            LOG.warn("the scheduler did not shut down cleanly: {}", e.getMessage());
        }
        if (http != null) {
            http.stop();
        }
        if (scheduler != null) {
            LOG.info("stopped");
        }
    }
}
