package dev.drydock.backup.cli;

import dev.drydock.backup.BackupService;
import dev.drydock.backup.BackupSetup;
import dev.drydock.backup.archive.Verification;
import dev.drydock.backup.metrics.BackupMetrics;
import dev.drydock.backup.verify.ChecksumVerifier;
import dev.drydock.shared.config.BackupConfig;
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

    @Option(names = "--env", paramLabel = "ENV", description = "The environment of drydock.yaml (optional when it has only"
            + " one).")
    String environment;

    @Option(names = "--verify", paramLabel = "LEVEL", description = "checksum or restore (restore into a scratch"
            + " database and compare schema and row counts with the manifest). Default: the environment's backup job's"
            + " verify:, else checksum.")
    String level;

    @Override
    public Integer call() throws IOException {
        BackupSetup setup = BackupSetup.load(parent.config);
        environment = setup.config().environmentName(environment);
        if (level == null) {
            level = setup.config().backup().jobs().stream().filter(job -> job.environment().equals(environment))
                    .map(BackupConfig.Job::verify).findFirst().orElse(ChecksumVerifier.LEVEL);
        }
        BackupService service = new BackupService(setup, new BackupMetrics(), Clock.systemUTC());
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
