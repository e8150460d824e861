package dev.drydock.migrator.cli;

import dev.drydock.migrator.d1.D1Status;
import dev.drydock.migrator.flyway.FlywayEngine;
import dev.drydock.migrator.history.NativeStatus;
import dev.drydock.migrator.history.RunnerDatabase;
import dev.drydock.migrator.gate.ValidatorGate;
import dev.drydock.migrator.status.MigrationStatus;
import dev.drydock.migrator.status.StatusReader;
import dev.drydock.shared.config.DatabaseEngine;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.config.DurationText;
import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.d1.D1Environment;
import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.validator.rules.Finding;
import dev.drydock.validator.rules.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code migrator plan}: what {@code up} would do, changing nothing: each gate's verdict and the SQL of every
 * pending migration. (Community Flyway has no dry run; this is Drydock's own, from the shared model.)
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Shows what up would do: the gates' verdicts and the SQL of each pending migration. Changes nothing.",
        footerHeading = "%nExamples:%n", footer = {"  migrator plan --env production", "  migrator plan --env dev --to 5"})
final class PlanCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCommand parent;

    @Option(names = "--env", paramLabel = "ENV", description = "The environment of drydock.yaml (optional when it has only one).")
    String environment;

    @Option(names = "--to", paramLabel = "VERSION", description = "Stop after this version.")
    String to;

    /** What a plan for a MySQL or MariaDB database must say: its DDL is not undone when a migration fails. */
    static Optional<String> ddlNote(EnvironmentConfig target) {
        return DatabaseEngine.of(target.jdbcUrl()).filter(engine -> !engine.transactionalDdl()).isPresent()
                ? Optional.of("note: MySQL and MariaDB commit every DDL statement at once; a migration that fails"
                + " halfway stays half applied")
                : Optional.empty();
    }

    @Override
    public Integer call() throws Exception {
        DrydockConfig config = parent.loadConfig();
        environment = config.environmentName(environment);
        EnvironmentConfig target = MigratorCommand.environment(config, environment);
        MigrationDiscovery discovery = new MigrationDiscovery(Path.of(""));
        MigrationSet set = discovery.discover(config.migrations());
        List<Finding> findings = ValidatorGate.findings(config, set, discovery);
        long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        MigrationStatus status;
        Optional<RunnerDatabase> runner = RunnerDatabase.of(config, set, target);
        if (target.isD1()) {
            MigrationStatus now = D1Status.read(environment, D1Environment.of(target), set).status();
            status = new MigrationStatus(environment, now.database(), now.historyTable(), now.current(), now.applied(),
                    D1Status.upTo(now.pending(), to), now.failed(), now.drift());
        } else if (runner.isPresent()) {
            MigrationStatus now = NativeStatus.read(environment, runner.get(), set, List.of()).status();
            status = NativeStatus.withPending(now, NativeStatus.pendingUpTo(set, now, to));
        } else {
            status = StatusReader.read(FlywayEngine.configure(target, set).target(to == null ? "latest" : to).load(),
                    environment, target.url());
        }
        System.out.println("plan for " + environment + " (" + status.database() + "), now at "
                + (status.current() == null ? "no version" : "version " + status.current()));
        System.out.println("  1. validator: " + (errors == 0 ? "passes" : errors + " error(s); up would stop here"
                + " ('migrator validate' lists them)"));
        System.out.println("  2. drift: " + (status.drift().isEmpty() ? "none" : status.drift().size()
                + " problem(s); up would stop here ('migrator status' lists them)"));
        System.out.println("  3. backup gate: " + (target.isProtected() || target.backupRequired()
                ? "on (maxAge " + DurationText.of(target.backupMaxAge()) + "); a verified backup of this state is used or taken"
                : "off for this environment"));
        System.out.println("  4. confirmation: " + (target.isProtected() ? "type '" + environment + "' (or --yes)" : "none"));
        System.out.println("  5. apply " + status.pending().size() + (target.isD1()
                ? " migration(s) through wrangler, each with its " + status.historyTable() + " row in one batch that D1"
                + " runs in a transaction:"
                : " migration(s), each in a transaction unless marked otherwise, recorded in "
                + status.historyTable() + ":"));
        ddlNote(target).ifPresent(note -> System.out.println("     " + note));
        for (MigrationStatus.Entry entry : status.pending()) {
            Optional<Migration> migration = target.isD1()
                    ? D1Status.migrations(set, List.of(entry)).stream().findFirst()
                    : set.migrations().stream()
                    .filter(m -> m.version().map(v -> v.canonical().equals(entry.version())).orElse(entry.version() == null))
                    .findFirst();
            // a Liquibase changelog holds several migrations: name the changeset too
            boolean shared = status.pending().stream().filter(other -> other.script().equals(entry.script())).count() > 1;
            System.out.println("\n-- " + entry.script() + (shared ? " " + entry.description() : "")
                    + migration.map(Migration::transaction)
                    .filter(mode -> !mode.inTransaction())
                    .map(mode -> " (outside a transaction: " + mode.decidedBy() + ")").orElse(""));
            migration.ifPresent(m -> System.out.println(m.forward().text().strip()));
        }
        return errors == 0 && status.drift().isEmpty() ? 0 : 1;
    }
}
