package dev.drydock.backup.cli;

import dev.drydock.backup.BackupService;
import dev.drydock.backup.BackupSetup;
import dev.drydock.backup.archive.Verification;
import dev.drydock.backup.metrics.BackupMetrics;
import dev.drydock.backup.verify.ChecksumVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code backup-daemon backup --env ENV}: one backup now, verified by checksum. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Takes one backup of an environment now, publishes it to the store and verifies it.",
        footerHeading = "%nExamples:%n",
        footer = {"  backup-daemon backup --env dev", "  backup-daemon --config ops/drydock.yaml backup --env production"})
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    BackupDaemonCommand parent;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment of drydock.yaml.")
    String environment;

    @Option(names = "--verify", paramLabel = "LEVEL", description = "checksum (default) or restore: restore into a"
            + " scratch database and compare schema and row counts with the manifest.")
    String level = ChecksumVerifier.LEVEL;

    @Override
    public Integer call() throws IOException {
        BackupService service = new BackupService(BackupSetup.load(parent.config), new BackupMetrics(), Clock.systemUTC());
        BackupService.Outcome outcome = service.backup(environment, level, this::progress);
        Verification verification = outcome.verification();
        System.out.println(outcome.id() + " " + (verification.passed() ? "verified (" + level + ")" : "FAILED " + level
                + " verification: " + String.join("; ", verification.problems())));
        return verification.passed() ? 0 : 1;
    }

    private void progress(String step) {
        if (BackupDaemonCommand.isTerminal() || step.startsWith("removed ")) {
            System.err.println(step);
        }
    }
}
