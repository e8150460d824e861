package dev.drydock.backup.cli;

import dev.drydock.backup.BackupSetup;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.restore.Restore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code backup-daemon restore BACKUP_ID --to JDBC_URL}. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restores a stored backup into a database, after checking its checksums. A target that already"
                + " holds tables is refused unless --force. The target password, if one is needed, is read from the"
                + " DRYDOCK_RESTORE_PASSWORD environment variable, never from the command line.",
        footerHeading = "%nExamples:%n",
        footer = {"  backup-daemon restore backup-production-2026-11-22-020000 --to jdbc:postgresql://127.0.0.1:5432/app_copy",
                "  backup-daemon restore backup-dev-2026-11-22-020000 --to jdbc:sqlite:./restored.db"})
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    BackupDaemonCommand parent;

    @Parameters(paramLabel = "BACKUP_ID", description = "An id from 'backup-daemon list'.")
    String backupId;

    @Option(names = "--to", required = true, paramLabel = "JDBC_URL", description = "The database to restore into.")
    String target;

    @Option(names = "--user", paramLabel = "USER", description = "User for the target (default: from the URL).")
    String user;

    @Option(names = "--force", description = "Restore into a target that already holds tables, replacing them.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        BackupSetup setup = BackupSetup.load(parent.config);
        BackupId id = BackupId.parseArgument(backupId);
        String password = System.getenv("DRYDOCK_RESTORE_PASSWORD");
        Manifest manifest = new Restore(setup.store(), this::progress).into(id, target, user, password, force);
        List<Manifest.AppliedMigration> applied = manifest.migrationState().applied();
        System.out.println("restored " + id + " into " + target.replaceAll("password=[^&]*", "password=****"));
        System.out.println("migration state: " + (manifest.migrationState().table() == null ? "no history table"
                : applied.size() + " applied" + (applied.isEmpty() ? "" : ", latest " + applied.get(applied.size() - 1).version())));
        return 0;
    }

    private void progress(String step) {
        if (BackupDaemonCommand.isTerminal()) {
            System.err.println(step);
        }
    }
}
