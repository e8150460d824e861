package dev.drydock.migrator.cli;

import dev.drydock.migrator.d1.D1Status;
import dev.drydock.migrator.flyway.FlywayEngine;
import dev.drydock.migrator.history.RunnerDatabase;
import dev.drydock.migrator.lock.ServerLock;
import dev.drydock.migrator.lock.SqliteFileLock;
import dev.drydock.migrator.run.ApplyJournal;
import dev.drydock.migrator.status.StatusReader;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.d1.D1Environment;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.RepairResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code migrator repair}: Flyway's repair — failed entries leave the history, and the recorded checksums take the
 * files' values — and the marks of migrators that died halfway are cleared. For after an incident, once the
 * database itself has been put right.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Removes failed entries from the history, re-records checksums from the files (Flyway's repair)"
                + " and clears the marks a migrator killed halfway left.",
        footerHeading = "%nExamples:%n", footer = {"  migrator repair --env dev"})
final class RepairCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCommand parent;

    @Option(names = "--env", paramLabel = "ENV", description = "The environment of drydock.yaml (optional when it has only one).")
    String environment;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for another migrator on the same database before giving up (exit 3).")
    int lockSeconds;

    @Override
    public Integer call() throws Exception {
        DrydockConfig config = parent.loadConfig();
        environment = config.environmentName(environment);
        EnvironmentConfig target = MigratorCommand.environment(config, environment);
        MigrationSet set = new MigrationDiscovery(Path.of("")).discover(config.migrations());
        if (target.isD1()) {
            // wrangler's history has no failed entries, no checksums and no apply journal: nothing to re-record
            System.out.println("nothing to repair on " + environment + ": wrangler's history records neither"
                    + " failures nor checksums, and a failed D1 migration leaves no row; a row whose file is gone is"
                    + " put right by restoring the file");
            System.out.print(StatusCommand.text(D1Status.read(environment, D1Environment.of(target), set).status()));
            return 0;
        }
        Optional<RunnerDatabase> runner = RunnerDatabase.of(config, set, target);
        if (runner.isPresent()) {
            return repairRunnerHistory(config, set, target, runner.get());
        }
        Flyway flyway = FlywayEngine.forEnvironment(target, set);
        Duration wait = Duration.ofSeconds(lockSeconds);
        try (AutoCloseable fileLock = SqliteFileLock.acquire(target.jdbcUrl(), wait, System.out::println);
             ServerLock serverLock = ServerLock.acquire(target.jdbcUrl(), target.revealUser(),
                     target.revealPassword(), wait, System.out::println)) {
            RepairResult result = flyway.repair();
            System.out.println("repaired " + environment + ": " + result.repairActions.size() + " action(s) "
                    + result.repairActions);
            ApplyJournal journal = new ApplyJournal(flyway.getConfiguration().getDataSource(), target.jdbcUrl());
            for (ApplyJournal.Mark mark : journal.marks()) {
                System.out.println("cleared the mark of " + mark.version() + " " + mark.description()
                        + ", which a migrator that died left at " + mark.startedAt());
            }
            journal.clear();
        }
        System.out.print(StatusCommand.text(StatusReader.read(flyway, environment, target.url())));
        return 0;
    }

    /**
     * The layout's own runner records neither failures nor checksums: only the apply journal's marks are cleared.
     * golang-migrate's dirty flag is not, as clearing it means saying whether the migration stayed, which only
     * someone who looked at the database can say (golang-migrate's {@code force}).
     */
    private int repairRunnerHistory(DrydockConfig config, MigrationSet set, EnvironmentConfig target,
                                    RunnerDatabase runner) throws Exception {
        Duration wait = Duration.ofSeconds(lockSeconds);
        try (AutoCloseable fileLock = SqliteFileLock.acquire(target.jdbcUrl(), wait, System.out::println);
             ServerLock serverLock = ServerLock.acquire(target.jdbcUrl(), target.revealUser(),
                     target.revealPassword(), wait, System.out::println)) {
            ApplyJournal journal = new ApplyJournal(runner.dataSource(), target.jdbcUrl());
            for (ApplyJournal.Mark mark : journal.marks()) {
                System.out.println("cleared the mark of " + mark.version() + " " + mark.description()
                        + ", which a migrator that died left at " + mark.startedAt());
            }
            journal.clear();
        }
        System.out.println(runner.history().table() + " (" + runner.history().runner() + "'s history) records"
                + " neither failures nor checksums: nothing else to repair");
        System.out.print(StatusCommand.text(MigratorCommand.status(config, set, target, environment)));
        return 0;
    }
}
