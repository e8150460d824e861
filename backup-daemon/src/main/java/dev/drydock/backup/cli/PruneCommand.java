package dev.drydock.backup.cli;

import dev.drydock.backup.BackupSetup;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.catalog.Catalog;
import dev.drydock.backup.retention.RetentionPolicy;
import dev.drydock.backup.store.BackupStore;
import dev.drydock.shared.config.BackupConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code backup-daemon prune}: applies each job's retention to its environment's backups. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Deletes the backups each job's retention (keepLast, daily, weekly, monthly) no longer keeps."
                + " The newest verified backup of an environment is never deleted.",
        footerHeading = "%nExamples:%n",
        footer = {"  backup-daemon prune --dry-run", "  backup-daemon prune"})
final class PruneCommand implements Callable<Integer> {

    @ParentCommand
    BackupDaemonCommand parent;

    @Option(names = "--dry-run", description = "Show what would be deleted and why the rest is kept; delete nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws IOException {
        BackupSetup setup = BackupSetup.load(parent.config);
        BackupStore store = setup.store();
        Catalog catalog = new Catalog(store);
        for (BackupConfig.Job job : setup.config().backup().jobs()) {
            RetentionPolicy.Plan plan = RetentionPolicy.plan(catalog.entries(Optional.of(job.environment())), job.retention());
            plan.keep().forEach((id, why) -> System.out.println("keep   " + id + "  (" + why + ")"));
            for (BackupId id : plan.delete()) {
                if (!dryRun) {
                    store.delete(id);
                }
                System.out.println((dryRun ? "would delete " : "delete ") + id);
            }
        }
        return 0;
    }
}
