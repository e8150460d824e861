package dev.drydock.migrator.cli;

import dev.drydock.backup.BackupSetup;
import dev.drydock.migrator.d1.D1Rollback;
import dev.drydock.migrator.d1.D1Status;
import dev.drydock.migrator.flyway.FlywayEngine;
import dev.drydock.migrator.history.NativeStatus;
import dev.drydock.migrator.history.RunnerDatabase;
import dev.drydock.migrator.gate.BackupGate;
import dev.drydock.migrator.gate.BackupMode;
import dev.drydock.migrator.gate.Confirmation;
import dev.drydock.migrator.gate.DriftGate;
import dev.drydock.migrator.gate.GateRefusal;
import dev.drydock.migrator.gate.ValidatorGate;
import dev.drydock.migrator.lock.ServerLock;
import dev.drydock.migrator.lock.SqliteFileLock;
import dev.drydock.migrator.rollback.RollbackPlan;
import dev.drydock.migrator.rollback.RollbackRunner;
import dev.drydock.migrator.run.ApplyJournal;
import dev.drydock.shared.BadInputException;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.d1.D1Environment;
import dev.drydock.shared.d1.WranglerException;
import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.migration.Script;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.validator.rules.Finding;
import org.flywaydb.core.Flyway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code migrator down --to V}: the paired rollback scripts of every migration above V, newest first, each with
 * its history kept true. A missing rollback or one the validator finds no inverse stops it, unless forced with a
 * reason, which the history keeps.
 */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Rolls back the migrations above --to with their rollback scripts, newest first.",
        footerHeading = "%nExamples:%n",
        footer = {"  migrator down --env dev --to 2", "  migrator down --env production --to 41   # backup gate, then type 'production'",
                "  migrator down --env dev --to 0 --force --reason 'rollback leaves an index; dropped by hand'"})
final class DownCommand implements Callable<Integer> {

    private static final Set<String> FORCEABLE = Set.of("rollback-not-inverse", "rollback-missing", "rollback-empty");

    @ParentCommand
    MigratorCommand parent;

    @Option(names = "--env", paramLabel = "ENV", description = "The environment of drydock.yaml (optional when it has only one).")
    String environment;

    @Option(names = "--to", paramLabel = "VERSION", required = true,
            description = "The version to go back to (0 for none); everything above it is rolled back. On D1 also a"
                    + " file name: everything applied after it.")
    String to;

    @Option(names = "--yes", description = "Roll back without the typed confirmation (for automation).")
    boolean yes;

    @Option(names = "--backup", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (default), now, or skip-with-reason=TEXT.")
    String backup;

    @Option(names = "--force", description = "Roll back even where a rollback is missing or not an inverse.")
    boolean force;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why --force is needed; kept in the history.")
    String reason;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for another migrator on the same database before giving up (exit 3).")
    int lockSeconds;

    @Override
    public Integer call() throws Exception {
        if (force && (reason == null || reason.isBlank())) {
            throw new BadInputException("--force needs --reason TEXT: the history keeps why a rollback was forced");
        }
        DrydockConfig config = parent.loadConfig();
        environment = config.environmentName(environment);
        EnvironmentConfig target = MigratorCommand.environment(config, environment);
        Confirmation.requirePossible(target, yes);
        BackupMode mode = BackupMode.parse(backup);
        MigrationDiscovery discovery = new MigrationDiscovery(Path.of(""));
        MigrationSet set = discovery.discover(config.migrations());
        if (target.isD1()) {
            return downOnD1(config, set, discovery, target, mode);
        }
        Optional<RunnerDatabase> runner = RunnerDatabase.of(config, set, target);
        Duration wait = Duration.ofSeconds(lockSeconds);
        try (AutoCloseable fileLock = SqliteFileLock.acquire(target.jdbcUrl(), wait, System.out::println);
             ServerLock serverLock = ServerLock.acquire(target.jdbcUrl(), target.revealUser(),
                     target.revealPassword(), wait, System.out::println)) {
            if (runner.isPresent()) {
                return underLockOnRunner(config, set, discovery, runner.get(), target, mode, serverLock);
            }
            return underLock(config, set, discovery, FlywayEngine.forEnvironment(target, set), target, mode,
                    serverLock);
        }
    }

    /** The same steps where the layout's own runner keeps the history: each rollback takes its row out of it. */
    private int underLockOnRunner(DrydockConfig config, MigrationSet set, MigrationDiscovery discovery,
                                  RunnerDatabase runner, EnvironmentConfig target, BackupMode mode, ServerLock lock)
            throws Exception {
        ApplyJournal journal = new ApplyJournal(runner.dataSource(), target.jdbcUrl());
        List<ApplyJournal.Mark> interrupted = journal.marks();
        NativeStatus.Reading before = NativeStatus.read(environment, runner, set, interrupted);
        DriftGate.check(before.status());
        journal.settle(interrupted, System.out::println);
        RollbackPlan plan = RollbackPlan.ofRunner(set, runner.history(), before.rows(), to);
        if (plan.steps().isEmpty()) {
            System.out.println("nothing to roll back: nothing above version " + to + " is applied");
            return 0;
        }
        List<String> forced = forcedSteps(config, set, discovery, plan);
        printPlan(plan);
        lastGates(target, NativeStatus.state(before.rows()), mode);
        RollbackRunner rollbacks = new RollbackRunner(runner.dataSource(), ValidatorGate.primaryDialect(config),
                (connection, step) -> runner.history().recordRolledBack(connection, step.migration().orElseThrow(),
                        RollbackPlan.before(set, step.migration().orElseThrow())));
        return rollBack(plan, rollbacks, forced, config, set, target, lock);
    }

    private int underLock(DrydockConfig config, MigrationSet set, MigrationDiscovery discovery, Flyway flyway,
                          EnvironmentConfig target, BackupMode mode, ServerLock lock) throws Exception {
        DriftGate.pass(flyway, environment, target.url(),
                new ApplyJournal(flyway.getConfiguration().getDataSource(), target.jdbcUrl()), System.out::println);
        RollbackPlan plan = RollbackPlan.of(set, flyway.info().applied(), to);
        if (plan.steps().isEmpty()) {
            System.out.println("nothing to roll back: nothing above version " + to + " is applied");
            return 0;
        }
        List<String> forced = forcedSteps(config, set, discovery, plan);
        printPlan(plan);
        lastGates(target, BackupGate.flywayState(flyway.info().applied()), mode);
        Dialect dialect = ValidatorGate.primaryDialect(config);
        RollbackRunner runner = new RollbackRunner(flyway.getConfiguration().getDataSource(), dialect,
                RollbackRunner.FLYWAY);
        return rollBack(plan, runner, forced, config, set, target, lock);
    }

    /** The same steps on Cloudflare D1, each rollback and its history change in one batch through wrangler. */
    private int downOnD1(DrydockConfig config, MigrationSet set, MigrationDiscovery discovery, EnvironmentConfig target,
                         BackupMode mode) throws Exception {
        D1Environment d1 = D1Environment.of(target);
        D1Status.Reading before = D1Status.read(environment, d1, set);
        DriftGate.check(before.status());
        RollbackPlan plan = RollbackPlan.ofD1(set, before.rows(), to);
        if (plan.steps().isEmpty()) {
            System.out.println("nothing to roll back: nothing after " + to + " is applied");
            return 0;
        }
        List<String> forced = forcedSteps(config, set, discovery, plan);
        printPlan(plan);
        lastGates(target, BackupGate.d1State(before.rows()), mode);
        D1Rollback rollback = new D1Rollback(d1, System.out::println);
        for (RollbackPlan.Step step : plan.steps()) {
            try {
                rollback.run(step, forced.contains(step.version()) ? reason : null);
            } catch (WranglerException e) {
                System.out.println("FAILED rolling back " + step.version() + ": " + e.getMessage());
                System.out.print(StatusCommand.text(D1Status.read(environment, d1, set).status()));
                System.out.println("The rollbacks before it are done and recorded; this one's batch was rolled back."
                        + " Fix the rollback script, or restore a backup: backup-daemon restore BACKUP_ID");
                return 1;
            }
        }
        System.out.print(StatusCommand.text(D1Status.read(environment, d1, set).status()));
        return 0;
    }

    /** The backup gate (protected or backup-required environments) and the typed confirmation (protected ones). */
    private void lastGates(EnvironmentConfig target, List<String> migrationState, BackupMode mode)
            throws java.io.IOException {
        if (target.isProtected() || target.backupRequired()) {
            System.out.println(new BackupGate(BackupSetup.load(parent.config), Clock.systemUTC())
                    .pass(target, migrationState, mode, System.out::println).summary());
        }
        if (target.isProtected() && !yes) {
            Confirmation.ask(target, "roll back");
        }
    }

    private void printPlan(RollbackPlan plan) {
        System.out.println("plan for " + environment + ": roll back, newest first:");
        for (RollbackPlan.Step step : plan.steps()) {
            System.out.println("  " + step.version() + " " + step.description() + step.migration()
                    .flatMap(Migration::rollback).map(script -> " with " + script.displayPath()).orElse(" (no rollback file)"));
        }
    }

    private int rollBack(RollbackPlan plan, RollbackRunner runner, List<String> forced, DrydockConfig config,
                         MigrationSet set, EnvironmentConfig target, ServerLock lock) throws Exception {
        for (RollbackPlan.Step step : plan.steps()) {
            lock.checkHeld();
            try {
                runner.run(step, forced.contains(step.version()) ? reason : null, System.out::println);
            } catch (SQLException e) {
                System.out.println("FAILED rolling back " + step.version() + ": " + e.getMessage());
                System.out.print(StatusCommand.text(MigratorCommand.status(config, set, target, environment)));
                System.out.println("The rollbacks before it are done and recorded; this one was undone where the"
                        + " database allows. Fix the rollback script, or restore a backup: backup-daemon restore BACKUP_ID");
                return 1;
            }
        }
        System.out.print(StatusCommand.text(MigratorCommand.status(config, set, target, environment)));
        return 0;
    }

    /**
     * The versions whose rollback is missing or no inverse, which need --force; any other validator error on the
     * scripts involved stops the rollback outright.
     */
    private List<String> forcedSteps(DrydockConfig config, MigrationSet set, MigrationDiscovery discovery,
                                     RollbackPlan plan) {
        List<Finding> findings = ValidatorGate.findings(config, set, discovery);
        Set<String> files = new HashSet<>();
        for (RollbackPlan.Step step : plan.steps()) {
            step.migration().ifPresent(migration -> {
                files.add(migration.forward().displayPath());
                migration.rollback().map(Script::displayPath).ifPresent(files::add);
            });
        }
        ValidatorGate.refusal(findings, f -> files.contains(f.file()) && !FORCEABLE.contains(f.rule()))
                .ifPresent(refusal -> {
                    throw refusal;
                });
        List<String> needForce = new ArrayList<>();
        StringBuilder problems = new StringBuilder();
        for (RollbackPlan.Step step : plan.steps()) {
            if (!step.hasRollback()) {
                needForce.add(step.version());
                problems.append("\n  ").append(step.version()).append(": there is no rollback file");
                continue;
            }
            Migration migration = step.migration().orElseThrow();
            String rollbackFile = migration.rollback().orElseThrow().displayPath();
            findings.stream().filter(f -> f.file().equals(rollbackFile) && FORCEABLE.contains(f.rule())).findFirst()
                    .ifPresent(f -> {
                        needForce.add(step.version());
                        problems.append("\n  ").append(step.version()).append(": ").append(f.message());
                    });
        }
        if (!needForce.isEmpty() && !force) {
            throw new GateRefusal("these rollbacks would not bring the schema back:" + problems
                    + "\nfix them, or pass --force --reason TEXT to roll back anyway");
        }
        return needForce;
    }
}
