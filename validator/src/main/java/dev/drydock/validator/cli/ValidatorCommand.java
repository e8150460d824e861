package dev.drydock.validator.cli;

import dev.drydock.shared.BadInputException;
import dev.drydock.shared.cli.ErrorLine;
import dev.drydock.shared.cli.HelpLayout;
import dev.drydock.shared.config.ConfigException;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.migration.Script;
import dev.drydock.validator.ToolVersion;
import dev.drydock.validator.Validator;
import dev.drydock.validator.report.Report;
import dev.drydock.validator.report.Reporter;
import dev.drydock.validator.rules.RuleEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bin/validator}: checks migration files without a database. */
@Command(name = "validator", mixinStandardHelpOptions = true, versionProvider = ValidatorCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Checks SQL migration files without a database: syntax by the database's own grammar, a replay"
                + " of the schema (unknown and duplicate objects, rollbacks that do not reverse, locking and safety),"
                + " data statements against the replayed schema, file naming, rollback pairing and history integrity"
                + " against migrations.sum.",
        subcommands = {RulesCommand.class, HashCommand.class, InstallHookCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  validator db/migrations                      check a whole folder (layout detected)",
                "  validator --dialect sqlite:3.40 migrations   check for SQLite 3.40",
                "  validator db/migrations/V3__add_email.sql    report on one file, judged with its folder",
                "  validator --format sarif --output drydock.sarif   for code scanning",
                "  validator --verbose db/migrations            also count the data statements checked",
                "  validator rules                              the rule catalogue",
                "  validator hash                               record the history in migrations.sum",
                "",
                "Exit codes: 0 no error (1 with --strict and a warning), 1 errors found, 2 bad input or usage."})
public final class ValidatorCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "drydock.yaml to read (default: ./drydock.yaml when present).")
    Path config;

    @Option(names = "--dialect", paramLabel = "D",
            description = "Target dialect, repeatable: postgresql, mysql, mariadb, sqlite, d1, with an optional"
                    + " version (postgresql:15). Default: the config's, else postgresql (d1 for wrangler).")
    List<String> dialects = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json, sarif, github or junit.")
    String format = "text";

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--strict", description = "Exit 1 on warnings too.")
    boolean strict;

    @Option(names = "--verbose", description = "Also say, on standard error, how many data statements were validated"
            + " against the replayed schema and why the others were not.")
    boolean verbose;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Migration folders or single migration files (default: the config's migrations.dir).")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        Reporter reporter = Reporter.forFormat(format, output == null && isTerminal())
                .orElseThrow(() -> new BadInputException("--format " + format + ": use one of "
                        + String.join(", ", Reporter.FORMATS)));
        MigrationTargets targets = new MigrationTargets(Path.of(""), config);
        Map<String, String> severities = targets.config().map(c -> c.validator().rules()).orElse(Map.of());
        RuleEngine.unknownRule(severities).ifPresent(rule -> {
            throw new ConfigException(targets.config().flatMap(DrydockConfig::file).orElse(null),
                    "validator.rules." + rule, null, "no rule has this id; 'validator rules' lists them");
        });
        List<String> largeTables = targets.config().map(c -> c.validator().largeTables()).orElse(List.of());
        Validator validator = new Validator(severities, largeTables,
                targets.config().flatMap(c -> c.validator().baseline()));
        Report report = new Report(0, 0, List.of());
        for (MigrationTargets.Target target : targets.resolve(paths, dialects)) {
            refuseOutputOverMigrations(target.set());
            if (target.namedFiles().isEmpty() && target.set().migrations().isEmpty()
                    && target.set().orphanRollbacks().isEmpty()) {
                // a wrong migrations.dir must not pass every hook as "0 errors"
                throw new BadInputException(target.set().dir() + ": no migration in this folder (layout "
                        + target.set().layout().name() + "); point migrations.dir or the PATH at the folder that holds"
                        + " them, or add one with 'migrator create NAME'");
            }
            report = report.plus(validator.validate(target.set(), target.dialects(), target.namedFiles(),
                    target.sumDisplay()));
        }
        write(reporter, report);
        report.notes().forEach(note -> System.err.println("validator: note: " + note));
        if (verbose) {
            report.details().forEach(detail -> System.err.println("validator: " + detail));
        }
        return report.exitCode(strict);
    }

    /** A report written over a migration would destroy the file it reports on. */
    private void refuseOutputOverMigrations(MigrationSet set) throws IOException {
        if (output == null || !Files.exists(output)) {
            return;
        }
        List<Script> scripts = new ArrayList<>(set.orphanRollbacks());
        for (Migration migration : set.migrations()) {
            scripts.add(migration.forward());
            migration.rollback().ifPresent(scripts::add);
        }
        for (Script script : scripts) {
            if (Files.exists(script.file().path()) && Files.isSameFile(output, script.file().path())) {
                throw new BadInputException("--output " + output + " is the migration " + script.displayPath()
                        + "; write the report to another file");
            }
        }
    }

    private void write(Reporter reporter, Report report) throws IOException {
        if (output == null) {
            Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            reporter.write(report, out);
            return;
        }
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            reporter.write(report, out);
        }
    }

    static boolean isTerminal() {
        return System.console() != null && System.getenv("NO_COLOR") == null;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code; bad input prints one clear line, never a stack trace. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new ValidatorCommand());
        HelpLayout.keepExamplesWhole(cli);
        cli.setExecutionExceptionHandler((exception, command, parseResult) -> {
            PrintWriter err = command.getErr();
            if (exception instanceof BadInputException) {
                return ErrorLine.print("validator", exception.getMessage(), err, 2);
            }
            if (exception instanceof java.nio.file.FileSystemException file) {
                return ErrorLine.print("validator", file.getFile() + ": " + (file.getReason() != null ? file.getReason()
                        : file.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                        .toLowerCase(java.util.Locale.ROOT)) + "; check the path and its permissions", err, 2);
            }
            return ErrorLine.unexpected("validator", "internal error: " + exception + "; please report it",
                    exception, err, 2);
        });
        return cli.execute(args);
    }

    /** {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ToolVersion.NAME + " " + ToolVersion.version()};
        }
    }
}
