package dev.drydock.migrator.cli;

import dev.drydock.backup.BackupSetup;
import dev.drydock.migrator.flyway.FlywayEngine;
import dev.drydock.migrator.gate.BackupGate;
import dev.drydock.migrator.gate.BackupMode;
import dev.drydock.migrator.gate.Confirmation;
import dev.drydock.migrator.gate.DriftGate;
import dev.drydock.migrator.gate.ValidatorGate;
import dev.drydock.migrator.status.MigrationStatus;
import dev.drydock.migrator.status.StatusReader;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code migrator up}: DESIGN.md's gates in order (validator, drift, backup on a protected or backup-required
 * environment, the plan and a typed confirmation on a protected one), then Flyway's migrate, each migration in its
 * own transaction where the database allows, then the status.
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

    @Option(names = "--env", paramLabel = "ENV", required = true, description = "The environment of drydock.yaml.")
    String environment;

    @Option(names = "--to", paramLabel = "VERSION", description = "Stop after this version.")
    String to;

    @Option(names = "--yes", description = "Apply without the typed confirmation (for automation).")
    boolean yes;

    @Option(names = "--backup", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (default), now, or skip-with-reason=TEXT.")
    String backup;

    @Override
    public Integer call() throws Exception {
        DrydockConfig config = parent.loadConfig();
        EnvironmentConfig target = MigratorCommand.environment(config, environment);
        BackupMode mode = BackupMode.parse(backup);
        MigrationDiscovery discovery = new MigrationDiscovery(Path.of(""));
        MigrationSet set = discovery.discover(config.migrations());
        ValidatorGate.errors(config, set, discovery).ifPresent(refusal -> {
            throw refusal;
        });
        Flyway flyway = FlywayEngine.forEnvironment(target, set, to);
        MigrationStatus before = StatusReader.read(flyway, environment, target.url());
        DriftGate.check(before);
        if (before.pending().isEmpty()) {
            System.out.println("nothing to apply: " + environment + " is at version " + before.current());
            return 0;
        }
        printPlan(before, target);
        if (target.isProtected() || target.backupRequired()) {
            BackupGate.Outcome outcome = new BackupGate(BackupSetup.load(parent.config), Clock.systemUTC())
                    .pass(target, List.of(flyway.info().applied()), mode, System.out::println);
            System.out.println(outcome.summary());
        }
        if (target.isProtected() && !yes) {
            Confirmation.ask(target, "apply");
        }
        return apply(flyway, target, before);
    }

    private int apply(Flyway flyway, EnvironmentConfig target, MigrationStatus before) {
        try {
            MigrateResult result = flyway.migrate();
            for (MigrateOutput applied : result.migrations) {
                System.out.printf("applied  %-16s %s (%d ms)%n", applied.version, applied.description,
                        applied.executionTime);
            }
        } catch (FlywayException e) {
            System.out.println("FAILED: " + e.getMessage().lines().findFirst().orElse(""));
            System.out.print(StatusCommand.text(StatusReader.read(flyway, environment, target.url())));
            System.out.println("Nothing after the failed migration ran. To go back to where this run started: "
                    + "migrator down --env " + environment + " --to " + (before.current() == null ? "0" : before.current())
                    + ", or restore the backup the gate named: backup-daemon restore BACKUP_ID");
            return 1;
        }
        System.out.print(StatusCommand.text(StatusReader.read(flyway, environment, target.url())));
        return 0;
    }

    private void printPlan(MigrationStatus status, EnvironmentConfig target) {
        System.out.println("plan for " + environment + " (" + status.database() + "), now at "
                + (status.current() == null ? "no version" : "version " + status.current()) + ":");
        for (MigrationStatus.Entry entry : status.pending()) {
            System.out.println("  apply " + entry.script());
        }
        String url = target.jdbcUrl();
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            System.out.println("  note: MySQL and MariaDB commit every DDL statement at once; a migration that"
                    + " fails halfway stays half applied");
        }
    }
}
