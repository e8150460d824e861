package dev.drydock.migrator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drydock.backup.BackupSetup;
import dev.drydock.migrator.d1.D1Apply;
import dev.drydock.migrator.d1.D1Status;
import dev.drydock.migrator.flyway.FlywayEngine;
import dev.drydock.migrator.history.NativeApply;
import dev.drydock.migrator.history.NativeStatus;
import dev.drydock.migrator.history.RunnerDatabase;
import dev.drydock.migrator.gate.BackupGate;
import dev.drydock.migrator.gate.BackupMode;
import dev.drydock.migrator.gate.Confirmation;
import dev.drydock.migrator.gate.DriftGate;
import dev.drydock.migrator.gate.ValidatorGate;
import dev.drydock.migrator.lock.LockTimeout;
import dev.drydock.migrator.lock.LockWatch;
import dev.drydock.migrator.lock.ServerLock;
import dev.drydock.migrator.lock.SqliteFileLock;
import dev.drydock.migrator.run.ApplyJournal;
import dev.drydock.migrator.run.FailureCause;
import dev.drydock.migrator.run.MetricsFile;
import dev.drydock.migrator.run.RunInterrupted;
import dev.drydock.migrator.run.RunRecorder;
import dev.drydock.migrator.run.RunReport;
import dev.drydock.migrator.status.MigrationStatus;
import dev.drydock.migrator.status.StatusReader;
import dev.drydock.shared.BadInputException;
import dev.drydock.shared.config.DatabaseEngine;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.d1.D1Environment;
import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code migrator up}: DESIGN.md's gates in order (validator, drift, backup on a protected or backup-required
 * environment, the plan and a typed confirmation on a protected one), then the migrations, each in its own
 * transaction where the database allows (Flyway's migrate where the history is Flyway's; otherwise each with its
 * row in the runner's own table, or through wrangler on D1), then the status.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Applies the pending migrations behind the gates: validator, drift, backup, confirmation.",
        footerHeading = "%nExamples:%n",
        footer = {"  migrator up --env dev", "  migrator up --env dev --to 3",
                "  migrator up --env production                       # backup gate, then type 'production'",
                "  migrator up --env production --yes --backup now    # automation: always a fresh backup",
                "  migrator up --env staging --backup skip-with-reason='restored from prod an hour ago'"})
final class UpCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCommand parent;

    @Option(names = "--env", paramLabel = "ENV", description = "The environment of drydock.yaml (optional when it has only one).")
    String environment;

    @Option(names = "--to", paramLabel = "VERSION", description = "Stop after this version.")
    String to;

    @Option(names = "--yes", description = "Apply without the typed confirmation (for automation).")
    boolean yes;

    @Option(names = "--backup", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (default), now, or skip-with-reason=TEXT.")
    String backup;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for another migrator on the same database before giving up (exit 3).")
    int lockSeconds;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the run report (JSON) here.")
    Path report;

    @Option(names = "--metrics-file", paramLabel = "FILE",
            description = "Write the run's metrics here as a Prometheus textfile (node_exporter's textfile collector).")
    Path metricsFile;

    private long validatorMillis;
    private ApplyJournal journal;

    @Override
    public Integer call() throws Exception {
        DrydockConfig config = parent.loadConfig();
        environment = config.environmentName(environment);
        EnvironmentConfig target = MigratorCommand.environment(config, environment);
        Confirmation.requirePossible(target, yes);
        BackupMode mode = BackupMode.parse(backup);
        MigrationDiscovery discovery = new MigrationDiscovery(Path.of(""));
        MigrationSet set = discovery.discover(config.migrations());
        long validatorStarted = System.nanoTime();
        ValidatorGate.errors(config, set, discovery).ifPresent(refusal -> {
            throw refusal;
        });
        validatorMillis = (System.nanoTime() - validatorStarted) / 1_000_000;
        if (target.isD1()) {
            return upOnD1(target, set, mode);
        }
        Optional<RunnerDatabase> runner = RunnerDatabase.of(config, set, target);
        if (runner.isPresent()) {
            return upOnRunner(config, target, set, mode, runner.get());
        }
        RunRecorder recorder = new RunRecorder(System.out::println);
        FluentConfiguration configuration = FlywayEngine.configure(target, set).target(to == null ? "latest" : to)
                .lockRetryCount(lockSeconds);
        journal = new ApplyJournal(configuration.getDataSource(), target.jdbcUrl());
        // the journal's mark is written before the recorder says a migration has started, so a kill after that
        // line always leaves a mark
        LockWatch lockWatch = new LockWatch();
        Flyway flyway = configuration.callbacks(lockWatch, journal, recorder).load();
        Duration wait = Duration.ofSeconds(lockSeconds);
        try (AutoCloseable fileLock = SqliteFileLock.acquire(target.jdbcUrl(), wait, System.out::println);
             ServerLock serverLock = ServerLock.acquire(target.jdbcUrl(), target.revealUser(),
                     target.revealPassword(), wait, System.out::println)) {
            lockWatch.watch(serverLock);
            return underLock(flyway, recorder, target, mode);
        }
    }

    private int underLock(Flyway flyway, RunRecorder recorder, EnvironmentConfig target, BackupMode mode)
            throws Exception {
        long driftStarted = System.nanoTime();
        MigrationStatus before = DriftGate.pass(flyway, environment, target.url(), journal, System.out::println);
        long driftMillis = (System.nanoTime() - driftStarted) / 1_000_000;
        if (before.pending().isEmpty()) {
            System.out.println("nothing to apply: " + environment + " is at version " + before.current());
            return 0;
        }
        printPlan(before, target);
        System.out.println("gates so far: validator " + validatorMillis + " ms, drift " + driftMillis + " ms");
        String backupId = lastGates(target, BackupGate.flywayState(flyway.info().applied()), mode);
        return apply(flyway, recorder, target, before, backupId);
    }

    private int apply(Flyway flyway, RunRecorder recorder, EnvironmentConfig target, MigrationStatus before,
                      String backupId) throws java.io.IOException {
        Instant started = Instant.now();
        String error = null;
        try {
            flyway.migrate();
        } catch (RunInterrupted e) {
            throw e;
        } catch (FlywayException e) {
            if (FlywayEngine.isLockTimeout(e)) {
                throw new LockTimeout("another migrator held " + environment + "'s migration lock for more than "
                        + lockSeconds + " s; nothing was changed. Wait for it to finish (or raise --lock-timeout)");
            }
            interruption(e).ifPresent(interrupted -> {
                throw interrupted;
            });
            error = FailureCause.describe(e);
        } finally {
            clearJournal();
        }
        RunReport.Failed failed = recorder.failed();
        if (error != null && failed == null) {
            failed = new RunReport.Failed(null, "before any migration ran", 0, error, List.of());
        } else if (failed != null) {
            failed = failed.withError(error);
        }
        long millis = Duration.between(started, Instant.now()).toMillis();
        MigrationStatus after = StatusReader.read(flyway, environment, target.url());
        RunReport run = new RunReport(environment, started.toString(), millis, backupId,
                asRecorded(after, recorder.applied()), failed);
        writeReports(run);
        System.out.print(StatusCommand.text(after));
        if (failed == null) {
            return 0;
        }
        printFailure(failed.withError(error), target, before.current(), backupId);
        return 1;
    }

    /** What failed, what of it stayed, and the two ways back to where the run started. */
    private void printFailure(RunReport.Failed failed, EnvironmentConfig target, String startedAt, String backupId) {
        System.out.println("FAILED: " + (failed.version() == null ? "" : failed.version() + " " + failed.description()
                + ": ") + failed.error());
        if (DatabaseEngine.of(target.jdbcUrl()).map(DatabaseEngine::transactionalDdl).orElse(true)) {
            System.out.println("The failed migration was rolled back; nothing after it ran.");
        } else {
            // Every DDL statement commits what ran before it; what ran after the last one was rolled back.
            List<String> ran = failed.statementsRun();
            int lastDdl = -1;
            for (int i = 0; i < ran.size(); i++) {
                if (ran.get(i).toUpperCase(java.util.Locale.ROOT).matches("^(CREATE|ALTER|DROP|RENAME|TRUNCATE)\\b.*")) {
                    lastDdl = i;
                }
            }
            System.out.println("MySQL/MariaDB commit every DDL statement: these statements of the failed migration"
                    + " stay applied: " + (lastDdl < 0 ? "none" : ""));
            ran.subList(0, lastDdl + 1).forEach(statement -> System.out.println("  " + statement));
            if (lastDdl + 1 < ran.size()) {
                System.out.println("and these, after the last DDL statement, were rolled back:");
                ran.subList(lastDdl + 1, ran.size()).forEach(statement -> System.out.println("  " + statement));
            }
        }
        System.out.println("To go back to where this run started: migrator down --env " + environment + " --to "
                + (startedAt == null ? "0" : startedAt)
                + (backupId == null ? "" : ", or restore the backup taken before it: backup-daemon restore " + backupId));
    }

    /**
     * The backup gate (on a protected or backup-required environment) and the typed confirmation (on a protected
     * one). Returns the backup to fall back on, or null.
     */
    private String lastGates(EnvironmentConfig target, List<String> migrationState, BackupMode mode)
            throws java.io.IOException {
        String backupId = null;
        if (target.isProtected() || target.backupRequired()) {
            BackupGate.Outcome outcome = new BackupGate(BackupSetup.load(parent.config), Clock.systemUTC())
                    .pass(target, migrationState, mode, System.out::println);
            System.out.println(outcome.summary());
            backupId = outcome.backup().map(Object::toString).orElse(null);
        } else if (mode.skip()) {
            System.out.println("backup gate off for " + environment + " (" + mode.reason() + ")");
        }
        if (target.isProtected() && !yes) {
            Confirmation.ask(target, "apply");
        }
        return backupId;
    }

    /**
     * The same gates where the layout's own runner keeps the history (golang-migrate, dbmate, diesel): the runner's
     * table says what is applied, and each migration is recorded there as it lands, as the runner itself records it.
     */
    private int upOnRunner(DrydockConfig config, EnvironmentConfig target, MigrationSet set, BackupMode mode,
                           RunnerDatabase runner) throws Exception {
        journal = new ApplyJournal(runner.dataSource(), target.jdbcUrl());
        Duration wait = Duration.ofSeconds(lockSeconds);
        try (AutoCloseable fileLock = SqliteFileLock.acquire(target.jdbcUrl(), wait, System.out::println);
             ServerLock serverLock = ServerLock.acquire(target.jdbcUrl(), target.revealUser(),
                     target.revealPassword(), wait, System.out::println)) {
            long driftStarted = System.nanoTime();
            List<ApplyJournal.Mark> interrupted = journal.marks();
            NativeStatus.Reading before = NativeStatus.read(environment, runner, set, interrupted);
            DriftGate.check(before.status());
            journal.settle(interrupted, System.out::println);
            long driftMillis = (System.nanoTime() - driftStarted) / 1_000_000;
            List<Migration> pending = NativeStatus.pendingUpTo(set, before.status(), to);
            for (Migration migration : pending) {
                runner.history().cannotApply(migration).ifPresent(why -> {
                    throw new BadInputException(migration.forward().displayPath() + ": " + why + "; nothing was applied");
                });
            }
            if (pending.isEmpty()) {
                System.out.println("nothing to apply: " + environment + " is at " + (before.status().current() == null
                        ? "no migration" : "version " + before.status().current()));
                return 0;
            }
            printPlan(NativeStatus.withPending(before.status(), pending), target);
            System.out.println("gates so far: validator " + validatorMillis + " ms, drift " + driftMillis + " ms");
            String backupId = lastGates(target, NativeStatus.state(before.rows()), mode);
            Instant started = Instant.now();
            NativeApply.Outcome outcome;
            try {
                outcome = new NativeApply(runner, set, ValidatorGate.primaryDialect(config), journal, serverLock,
                        System.out::println).apply(pending);
            } finally {
                clearJournal();
            }
            long millis = Duration.between(started, Instant.now()).toMillis();
            writeReports(new RunReport(environment, started.toString(), millis, backupId, outcome.applied(),
                    outcome.failed()));
            System.out.print(StatusCommand.text(NativeStatus.read(environment, runner, set, List.of()).status()));
            if (outcome.failed() == null) {
                return 0;
            }
            printFailure(outcome.failed(), target, before.status().current(), backupId);
            return 1;
        }
    }

    /**
     * The same gates on Cloudflare D1, where wrangler applies: its history is wrangler's {@code d1_migrations}, and
     * no lock is needed, as wrangler's unique file names make a second apply of the same file fail whole.
     */
    private int upOnD1(EnvironmentConfig target, MigrationSet set, BackupMode mode) throws java.io.IOException {
        D1Environment d1 = D1Environment.of(target);
        long driftStarted = System.nanoTime();
        D1Status.Reading before = D1Status.read(environment, d1, set);
        DriftGate.check(before.status());
        long driftMillis = (System.nanoTime() - driftStarted) / 1_000_000;
        List<MigrationStatus.Entry> pending = D1Status.upTo(before.status().pending(), to);
        if (pending.isEmpty()) {
            System.out.println("nothing to apply: " + environment + " is at " + (before.status().current() == null
                    ? "no migration" : "version " + before.status().current()));
            return 0;
        }
        MigrationStatus planned = new MigrationStatus(environment, before.status().database(),
                before.status().historyTable(), before.status().current(), before.status().applied(), pending,
                List.of(), List.of());
        printPlan(planned, target);
        System.out.println("gates so far: validator " + validatorMillis + " ms, drift " + driftMillis + " ms");
        String backupId = lastGates(target, BackupGate.d1State(before.rows()), mode);
        Instant started = Instant.now();
        D1Apply.Outcome outcome = new D1Apply(d1, System.out::println).apply(D1Status.migrations(set, pending));
        long millis = Duration.between(started, Instant.now()).toMillis();
        RunReport run = new RunReport(environment, started.toString(), millis, backupId, outcome.applied(),
                outcome.failed());
        writeReports(run);
        System.out.print(StatusCommand.text(D1Status.read(environment, d1, set).status()));
        if (outcome.failed() == null) {
            return 0;
        }
        System.out.println("FAILED: " + outcome.failed().version() + " " + outcome.failed().description() + ": "
                + outcome.failed().error());
        System.out.println("D1 ran the failed migration and its history row as one batch, which was rolled back;"
                + " nothing after it ran.");
        System.out.println("To go back to where this run started: migrator down --env " + environment + " --to "
                + (before.status().current() == null ? "0" : before.status().current())
                + (backupId == null ? "" : ", or restore the backup taken before it: backup-daemon restore " + backupId));
        return 1;
    }

    /**
     * The applied migrations with the execution time the history table records for each — what {@code status}
     * shows — where the history has it; the progress lines' own timing also counts the callbacks around it.
     */
    private static List<RunReport.Applied> asRecorded(MigrationStatus status, List<RunReport.Applied> applied) {
        Map<String, Integer> recorded = new java.util.HashMap<>();
        for (MigrationStatus.Entry entry : status.applied()) {
            if (entry.version() != null && entry.executionMillis() != null) {
                recorded.put(entry.version(), entry.executionMillis());
            }
        }
        return applied.stream().map(run -> run.version() != null && recorded.containsKey(run.version())
                ? new RunReport.Applied(run.version(), run.description(), recorded.get(run.version())) : run).toList();
    }

    /** A lost lock or a lost connection, which stop the run with exit 3 rather than report a failed migration. */
    private Optional<RunInterrupted> interruption(FlywayException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RunInterrupted interrupted) {
                return Optional.of(interrupted);
            }
        }
        if (FailureCause.connectionLost(failure)) {
            return Optional.of(new RunInterrupted("the connection to " + environment + " was lost during the run ("
                    + FailureCause.describe(failure) + "); 'migrator status --env " + environment + "' shows what was"
                    + " applied, and the next 'migrator up' explains a migration that was cut off"));
        }
        return Optional.empty();
    }

    /** This run is over: what failed is in its report and in Flyway's history, so its marks go. */
    private void clearJournal() {
        try {
            journal.clear();
        } catch (java.sql.SQLException e) {
            System.out.println("warning: could not clear this run's marks in " + ApplyJournal.TABLE + " ("
                    + e.getMessage() + "); the next run will report the migration that failed as interrupted");
        }
    }

    private void writeReports(RunReport run) throws java.io.IOException {
        if (report != null) {
            Files.writeString(report, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(Map.of("run", run, "success", run.success())) + "\n");
        }
        if (metricsFile != null) {
            MetricsFile.write(run, metricsFile);
        }
    }

    private void printPlan(MigrationStatus status, EnvironmentConfig target) {
        System.out.println("plan for " + environment + " (" + status.database() + "), now at "
                + (status.current() == null ? "no version" : "version " + status.current()) + ":");
        for (MigrationStatus.Entry entry : status.pending()) {
            System.out.println("  apply " + entry.script());
        }
        PlanCommand.ddlNote(target).ifPresent(note -> System.out.println("  " + note));
    }
}
