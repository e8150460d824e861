package dev.drydock.migrator.cli;

import dev.drydock.migrator.flyway.FlywayEngine;
import dev.drydock.migrator.status.StatusReader;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.RepairResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code migrator repair}: Flyway's repair — failed entries leave the history, and the recorded checksums take the
 * files' values. For after an incident, once the database itself has been put right.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Removes failed entries from the history and re-records checksums from the files (Flyway's repair).",
        footerHeading = "%nExamples:%n", footer = {"  migrator repair --env dev"})
final class RepairCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCommand parent;

    @Option(names = "--env", paramLabel = "ENV", required = true, description = "The environment of drydock.yaml.")
    String environment;

    @Override
    public Integer call() {
        DrydockConfig config = parent.loadConfig();
        EnvironmentConfig target = MigratorCommand.environment(config, environment);
        MigrationSet set = new MigrationDiscovery(Path.of("")).discover(config.migrations());
        Flyway flyway = FlywayEngine.forEnvironment(target, set);
        RepairResult result = flyway.repair();
        System.out.println("repaired " + environment + ": " + result.repairActions.size() + " action(s) "
                + result.repairActions);
        System.out.print(StatusCommand.text(StatusReader.read(flyway, environment, target.url())));
        return 0;
    }
}
