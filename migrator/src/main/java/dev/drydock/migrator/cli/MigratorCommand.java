package dev.drydock.migrator.cli;

import dev.drydock.backup.restore.RestoreRefused;
import dev.drydock.migrator.gate.GateRefusal;
import dev.drydock.migrator.lock.LockTimeout;
import dev.drydock.migrator.run.RunInterrupted;
import dev.drydock.shared.BadInputException;
import dev.drydock.shared.cli.DrydockVersion;
import dev.drydock.shared.cli.ErrorLine;
import dev.drydock.shared.cli.HelpLayout;
import dev.drydock.shared.config.ConfigLoader;
import dev.drydock.migrator.d1.D1Status;
import dev.drydock.migrator.flyway.FlywayEngine;
import dev.drydock.migrator.history.NativeStatus;
import dev.drydock.migrator.history.RunnerDatabase;
import dev.drydock.migrator.status.MigrationStatus;
import dev.drydock.migrator.status.StatusReader;
import dev.drydock.shared.config.DatabaseEngine;
import dev.drydock.shared.d1.D1Environment;
import dev.drydock.shared.migration.MigrationSet;
import java.util.List;
import java.util.Optional;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.d1.WranglerException;
import org.flywaydb.core.api.FlywayException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code bin/migrator}: applies migrations behind Drydock's gates, with Flyway where the history is Flyway's, and
 * keeping the layout's own runner's history table where it is that runner's.
 */
@Command(name = "migrator", mixinStandardHelpOptions = true, versionProvider = MigratorCommand.Version.class,
        description = "Applies the migrations of drydock.yaml to an environment after the validator, keeping the"
                + " history in the table the layout's own runner reads (Flyway's, golang-migrate's, dbmate's,"
                + " diesel's, drizzle's, Liquibase's, wrangler's).",
        subcommands = {CreateCommand.class, ValidateCommand.class, StatusCommand.class, PlanCommand.class, UpCommand.class, DownCommand.class,
                TestRollbackCommand.class, RestoreCommand.class, RepairCommand.class, BaselineCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  migrator --config drydock.yaml status --env dev",
                "  migrator status --env production --json",
                "  migrator up --env dev",
                "",
                "Exit codes: 0 done, 1 refused by a gate or a failed migration, 2 bad input or usage,"
                        + " 3 lost lock or interrupted."})
public final class MigratorCommand implements Runnable {

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "drydock.yaml to read (default: ./drydock.yaml).")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: create, validate, status, plan, up, down, test-rollback, restore, repair or baseline");
    }

    /**
     * The config, which the migrator cannot do without: it names the environments. Without {@code --config}, the
     * working folder's drydock.yaml, else a D1 project's wrangler config there.
     */
    DrydockConfig loadConfig() {
        if (config != null) {
            return ConfigLoader.load(config.toAbsolutePath());
        }
        Path working = Path.of("").toAbsolutePath();
        return ConfigLoader.loadDefault(working)
                .orElseGet(() -> ConfigLoader.load(working.resolve(ConfigLoader.DEFAULT_FILE)));
    }

    static EnvironmentConfig environment(DrydockConfig config, String name) {
        EnvironmentConfig environment = config.environments().get(name);
        if (environment == null) {
            throw new BadInputException(config.file().map(Path::toString).orElse("drydock.yaml") + ": no environment '"
                    + name + "' under environments:; it has " + config.environments().keySet());
        }
        if (!environment.isD1() && DatabaseEngine.of(environment.url()).isEmpty()) {
            throw new BadInputException(config.file().map(Path::toString).orElse("drydock.yaml") + ": environments."
                    + name + ".url: the migrator works on JDBC URLs (" + String.join(", ", DatabaseEngine.urlPrefixes())
                    + ") and Cloudflare D1 databases (d1:<database>)");
        }
        return environment;
    }

    /**
     * Where the environment stands, read from the history its runner keeps: wrangler's on D1, the layout's own
     * runner's with {@code migrations.history: native}, Flyway's otherwise.
     */
    static MigrationStatus status(DrydockConfig config, MigrationSet set, EnvironmentConfig target, String name)
            throws java.io.IOException, java.sql.SQLException {
        if (target.isD1()) {
            return D1Status.read(name, D1Environment.of(target), set).status();
        }
        Optional<RunnerDatabase> runner = RunnerDatabase.of(config, set, target);
        if (runner.isPresent()) {
            return NativeStatus.read(name, runner.get(), set, List.of()).status();
        }
        return StatusReader.read(FlywayEngine.forEnvironment(target, set), name, target.url());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code; bad input prints one clear line, never a stack trace. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new MigratorCommand());
        HelpLayout.keepExamplesWhole(cli);
        cli.setExecutionExceptionHandler((exception, command, parseResult) -> {
            PrintWriter err = command.getErr();
            if (exception instanceof BadInputException || exception instanceof WranglerException) {
                // a wrangler that cannot run or reach the database (not installed, not logged in) is set-up to fix
                return ErrorLine.print("migrator", exception.getMessage(), err, 2);
            }
            if (exception instanceof LockTimeout || exception instanceof RunInterrupted) {
                return ErrorLine.print("migrator", exception.getMessage(), err, 3);
            }
            if (exception instanceof GateRefusal || exception instanceof RestoreRefused) {
                command.getOut().flush();
                System.out.flush(); // the plan and the gates' lines come before the refusal
                return ErrorLine.print("migrator", "refused: " + exception.getMessage(), err, 1);
            }
            return ErrorLine.unexpected("migrator", exception instanceof FlywayException
                    ? "Flyway: " + exception.getMessage() : exception.getMessage(), exception, err, 1);
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"drydock-migrator " + DrydockVersion.version()};
        }
    }
}
