package dev.drydock.backup.cli;

import dev.drydock.backup.BackupService;
import dev.drydock.backup.BackupSetup;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.metrics.BackupMetrics;
import dev.drydock.backup.archive.Verification;
import dev.drydock.backup.verify.ChecksumVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code backup-daemon verify BACKUP_ID}: checks a stored backup again and records the result beside it. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Re-reads a stored backup and checks every entry's SHA-256 against its manifest.",
        footerHeading = "%nExamples:%n",
        footer = {"  backup-daemon verify backup-production-2026-11-22-020000",
                "  backup-daemon verify backup-production-2026-11-22-020000 --verify restore"})
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    BackupDaemonCommand parent;

    @Parameters(paramLabel = "BACKUP_ID", description = "An id from 'backup-daemon list'.")
    String backupId;

    @Option(names = "--verify", paramLabel = "LEVEL", description = "checksum (default) or restore.")
    String level = ChecksumVerifier.LEVEL;

    @Option(names = "--level", hidden = true, paramLabel = "LEVEL", description = "The old spelling of --verify.")
    void oldLevel(String value) {
        level = value;
    }

    @Override
    public Integer call() throws IOException {
        BackupService.requireLevel(level);
        BackupService service = new BackupService(BackupSetup.load(parent.config), new BackupMetrics(), Clock.systemUTC());
        BackupId id = BackupId.parseArgument(backupId);
        Verification verification = service.verify(id, level);
        if (verification.passed()) {
            System.out.println(id + " passed " + level + " verification: " + String.join("; ", verification.compared()));
            return 0;
        }
        System.out.println(id + " FAILED " + level + " verification:");
        verification.problems().forEach(problem -> System.out.println("  " + problem));
        return 1;
    }
}
