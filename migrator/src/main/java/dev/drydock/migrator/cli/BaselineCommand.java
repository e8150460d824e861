package dev.drydock.migrator.cli;

import dev.drydock.migrator.d1.D1Baseline;
import dev.drydock.migrator.d1.D1Status;
import dev.drydock.migrator.flyway.FlywayEngine;
import dev.drydock.migrator.history.NativeBaseline;
import dev.drydock.migrator.history.RunnerDatabase;
import dev.drydock.migrator.status.StatusReader;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.d1.D1Environment;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import org.flywaydb.core.Flyway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code migrator baseline --version V}: marks an existing database as being at version V, so that only the
 * migrations above it are applied (Flyway's baseline).
 */
@Command(name = "baseline",
        description = "Records that the database already is at --version; later migrations apply on top. Where"
                + " the layout's own runner keeps the history (and on D1), the migrations up to --version get their"
                + " rows in its table without being run.",
        footerHeading = "%nExamples:%n", footer = {"  migrator baseline --env production --version 41"})
final class BaselineCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCommand parent;

    // DESIGN.md's --version is the baseline version, so this command has --help without picocli's standard --version
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--env", paramLabel = "ENV", description = "The environment of drydock.yaml (optional when it has only one).")
    String environment;

    @Option(names = "--version", paramLabel = "V", required = true, description = "The version the database is at.")
    String version;

    @Override
    public Integer call() throws Exception {
        DrydockConfig config = parent.loadConfig();
        environment = config.environmentName(environment);
        EnvironmentConfig target = MigratorCommand.environment(config, environment);
        MigrationSet set = new MigrationDiscovery(Path.of("")).discover(config.migrations());
        if (target.isD1()) {
            D1Environment d1 = D1Environment.of(target);
            List<String> recorded = new D1Baseline(d1).record(D1Status.read(environment, d1, set).status(), set, version);
            recorded.forEach(name -> System.out.println("recorded " + name + " as applied (not run)"));
            System.out.print(StatusCommand.text(D1Status.read(environment, d1, set).status()));
            return 0;
        }
        Optional<RunnerDatabase> runner = RunnerDatabase.of(config, set, target);
        if (runner.isPresent()) {
            List<String> recorded = NativeBaseline.record(runner.get(), set, version);
            recorded.forEach(script -> System.out.println("recorded " + script + " as applied in "
                    + runner.get().history().table() + " (not run)"));
            System.out.print(StatusCommand.text(MigratorCommand.status(config, set, target, environment)));
            return 0;
        }
        Flyway flyway = FlywayEngine.configure(target, set).baselineVersion(version)
                .baselineDescription("baseline by drydock").load();
        flyway.baseline();
        System.out.print(StatusCommand.text(StatusReader.read(flyway, environment, target.url())));
        return 0;
    }
}
