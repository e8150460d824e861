package dev.drydock.backup.cli;

import dev.drydock.backup.restore.RestoreRefused;
import dev.drydock.shared.BadInputException;
import dev.drydock.shared.cli.DrydockVersion;
import dev.drydock.shared.cli.ErrorLine;
import dev.drydock.shared.cli.HelpLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;

/** {@code bin/backup-daemon}: verified logical backups. */
@Command(name = "backup-daemon", mixinStandardHelpOptions = true, versionProvider = BackupDaemonCommand.Version.class,
        description = "Takes logical backups of the configured databases, stores them, verifies them.",
        subcommands = {BackupCommand.class, ListCommand.class, VerifyCommand.class, RestoreCommand.class, PruneCommand.class, RunCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  backup-daemon --config drydock.yaml backup --env dev",
                "  backup-daemon list --env dev --json",
                "  backup-daemon verify backup-dev-2026-11-23-020000",
                "",
                "Exit codes: 0 done, 1 a backup or verification failed, 2 bad input or usage."})
public final class BackupDaemonCommand implements Runnable {

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "drydock.yaml to read (default: ./drydock.yaml).")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, backup, list, verify, restore or prune");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code; bad input prints one clear line, never a stack trace. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new BackupDaemonCommand());
        HelpLayout.keepExamplesWhole(cli);
        cli.setExecutionExceptionHandler((exception, command, parseResult) -> exception instanceof BadInputException
                ? ErrorLine.print("backup-daemon", exception.getMessage(), command.getErr(), 2)
                : exception instanceof RestoreRefused
                ? ErrorLine.print("backup-daemon", "refused: " + exception.getMessage(), command.getErr(), 1)
                : ErrorLine.unexpected("backup-daemon", exception.getMessage(), exception, command.getErr(), 1));
        return cli.execute(args);
    }

    static boolean isTerminal() {
        return System.console() != null;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"drydock-backup-daemon " + DrydockVersion.version()};
        }
    }
}
