package dev.drydock.migrator.cli;

import dev.drydock.migrator.flyway.FlywayEngine;
import dev.drydock.migrator.status.StatusReader;
import dev.drydock.shared.BadInputException;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.validator.Validator;
import dev.drydock.validator.report.Report;
import dev.drydock.validator.rules.Finding;
import dev.drydock.validator.rules.Severity;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code migrator up}: the validator gate, then Flyway's migrate, each migration in its own transaction where
 * the database allows, then the status. The drift check, backup gate and confirmation of DESIGN.md's order
 * come with issue 5; until then a protected environment is refused.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Applies the pending migrations, after the validator finds no error.",
        footerHeading = "%nExamples:%n",
        footer = {"  migrator up --env dev", "  migrator up --env dev --to 3"})
final class UpCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCommand parent;

    @Option(names = "--env", paramLabel = "ENV", required = true, description = "The environment of drydock.yaml.")
    String environment;

    @Option(names = "--to", paramLabel = "VERSION", description = "Stop after this version.")
    String to;

    @Override
    public Integer call() throws Exception {
        DrydockConfig config = parent.loadConfig();
        EnvironmentConfig target = MigratorCommand.environment(config, environment);
        if (target.isProtected()) {
            throw new BadInputException("environment '" + environment + "' is protected, and this build of the"
                    + " migrator has no backup gate and confirmation yet; apply to it with the runbook's manual"
                    + " steps");
        }
        MigrationDiscovery discovery = new MigrationDiscovery(Path.of(""));
        MigrationSet set = discovery.discover(config.migrations());
        if (!validatorPasses(config, set, discovery)) {
            return 1;
        }
        Flyway flyway = FlywayEngine.forEnvironment(target, set);
        if (to != null) {
            flyway = org.flywaydb.core.Flyway.configure().configuration(flyway.getConfiguration()).target(to).load();
        }
        try {
            MigrateResult result = flyway.migrate();
            for (MigrateOutput applied : result.migrations) {
                System.out.printf("applied  %-16s %s (%d ms)%n", applied.version, applied.description,
                        applied.executionTime);
            }
        } catch (FlywayException e) {
            System.out.println("FAILED: " + e.getMessage().lines().findFirst().orElse(""));
            System.out.print(StatusCommand.text(StatusReader.read(flyway, environment, target.url())));
            System.out.println("Nothing after the failed migration ran. See 'migrator status --env " + environment
                    + "'; to go back, restore the backup taken before this run.");
            return 1;
        }
        System.out.print(StatusCommand.text(StatusReader.read(flyway, environment, target.url())));
        return 0;
    }

    private static boolean validatorPasses(DrydockConfig config, MigrationSet set, MigrationDiscovery discovery) {
        List<DialectTarget> dialects = config.migrations().dialects().isEmpty()
                ? List.of(DialectTarget.latest(Dialect.POSTGRESQL)) : config.migrations().dialects();
        Report report = new Validator(config.validator().rules(), config.validator().largeTables())
                .validate(set, dialects, Optional.empty(), discovery.display(set.sumFile()));
        List<Finding> errors = report.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        if (errors.isEmpty()) {
            return true;
        }
        System.out.println("refused: the validator found " + errors.size() + " error(s); nothing was applied");
        for (Finding error : errors) {
            System.out.println("  " + error.file() + ":" + error.start().line() + ": " + error.rule() + ": "
                    + error.message());
        }
        return false;
    }
}
