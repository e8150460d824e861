package dev.drydock.migrator.cli;

import dev.drydock.backup.BackupService;
import dev.drydock.backup.BackupSetup;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.catalog.Catalog;
import dev.drydock.backup.metrics.BackupMetrics;
import dev.drydock.backup.restore.RehearsedRestore;
import dev.drydock.backup.restore.Restore;
import dev.drydock.backup.restore.RestoreTarget;
import dev.drydock.migrator.gate.Confirmation;
import dev.drydock.migrator.gate.GateRefusal;
import dev.drydock.migrator.lock.ServerLock;
import dev.drydock.migrator.lock.SqliteFileLock;
import dev.drydock.shared.BadInputException;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.d1.D1Environment;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code migrator restore BACKUP_ID}: the emergency restore of an environment from its catalog — the archive
 * checked and its restore rehearsed beside the environment first, a safety backup of the current state taken, the
 * operator's confirmation, the swap under the migrator's lock, and the migration history as it is afterwards.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restores the environment from one of its backups. The backup is first restored beside the"
                + " environment's database and compared with its manifest (a backup that does not restore is refused"
                + " and the environment is not touched), then a verified safety backup of what is there now is"
                + " taken, then the content is replaced: atomically on SQLite and PostgreSQL.",
                "A backup whose last verification failed is refused unless --ignore-failed-verification gives a"
                + " reason."},
        footerHeading = "%nExamples:%n",
        footer = {"  backup-daemon list --env production            # find the id",
                "  migrator restore backup-production-2026-11-23-020000 --env production",
                "  migrator restore backup-d1prod-2026-11-23-020000 --env d1prod   # remote D1: time travel to its bookmark"})
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCommand parent;

    @Parameters(paramLabel = "BACKUP_ID", description = "An id from 'backup-daemon list'.")
    String backupId;

    @Option(names = "--env", paramLabel = "ENV", description = "The environment to restore (optional when it has only one).")
    String environment;

    @Option(names = "--yes", description = "Restore without the typed confirmation (for automation).")
    boolean yes;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for another migrator on the same database (then exit 3).")
    int lockSeconds;

    @Option(names = "--ignore-failed-verification", paramLabel = "REASON",
            description = "Restore even though the backup's last verification failed; the reason is printed.")
    String overrideReason;

    @Override
    public Integer call() throws Exception {
        DrydockConfig config = parent.loadConfig();
        environment = config.environmentName(environment);
        EnvironmentConfig target = MigratorCommand.environment(config, environment);
        Confirmation.requirePossible(target, yes);
        BackupId id = BackupId.parseArgument(backupId);
        if (!id.environment().equals(environment)) {
            throw new BadInputException(id + " is a backup of " + id.environment() + ", not of " + environment
                    + "; pick one from 'backup-daemon list --env " + environment + "'");
        }
        BackupSetup setup = BackupSetup.load(parent.config);
        if (target.isD1() && !target.wrangler().local()) {
            return timeTravel(config, setup, target, id);
        }
        BackupService backups = new BackupService(setup, new BackupMetrics(), Clock.systemUTC());
        String user = target.revealUser();
        String password = target.revealPassword();
        RestoreTarget database = target.isD1() ? RestoreTarget.of(target)
                : RestoreTarget.of(target.jdbcUrl(), user, password);
        Restore restore = new Restore(setup.store(), Clock.systemUTC(), System.out::println);
        try (RehearsedRestore rehearsed = restore.rehearse(id, database, Optional.ofNullable(overrideReason),
                setup.scratchServers(environment))) {
            System.out.println("taking a safety backup of " + environment + " as it is now");
            BackupService.Outcome safety = backups.backup(environment, "checksum", System.out::println);
            if (!safety.verification().passed()) {
                throw new GateRefusal("the safety backup " + safety.id() + " failed its verification; nothing was restored");
            }
            System.out.println("safety backup: " + safety.id() + " (restore it the same way to undo this restore)");
            if (target.isProtected() && !yes) {
                Confirmation.ask(target, "restore " + id + " over it");
            }
            Duration wait = Duration.ofSeconds(lockSeconds);
            try (AutoCloseable fileLock = SqliteFileLock.acquire(target.jdbcUrl(), wait, System.out::println);
                 ServerLock serverLock = ServerLock.acquire(target.jdbcUrl(), user, password, wait, System.out::println)) {
                rehearsed.replace();
            } catch (IOException e) {
                throw new IOException("restoring " + id + " into " + environment + " failed: " + e.getMessage()
                        + "; the safety backup " + safety.id() + " holds what was there before", e);
            }
        }
        System.out.println("restored " + id + " into " + environment);
        printStatus(config, target);
        return 0;
    }

    private void printStatus(DrydockConfig config, EnvironmentConfig target) throws Exception {
        MigrationSet set = new MigrationDiscovery(Path.of("")).discover(config.migrations());
        System.out.print(StatusCommand.text(MigratorCommand.status(config, set, target, environment)));
    }

    /**
     * A remote D1 database is restored by D1 itself, to the time-travel bookmark the backup recorded just before its
     * export: the archive is never loaded into it. D1 keeps the state it replaces for its time-travel window, and
     * wrangler's report names the bookmark that undoes the restore.
     */
    private int timeTravel(DrydockConfig config, BackupSetup setup, EnvironmentConfig target, BackupId id)
            throws Exception {
        Manifest manifest = new Catalog(setup.store()).entries(Optional.of(environment)).stream()
                .filter(entry -> entry.id().equals(id)).findFirst()
                .flatMap(Catalog.Entry::manifest)
                .orElseThrow(() -> new BadInputException(id + ": no such backup with a readable manifest in "
                        + setup.store().describe() + "; 'backup-daemon list --env " + environment + "' shows them"));
        String bookmark = manifest.d1() == null ? null : manifest.d1().bookmark();
        if (bookmark == null) {
            throw new BadInputException(id + " records no time-travel bookmark (it was taken from a local database);"
                    + " a remote D1 database is restored to a bookmark");
        }
        System.out.println("restoring " + environment + " (" + target.url() + ", remote) to the time-travel bookmark "
                + bookmark + " of " + id + ", taken " + manifest.startedAt());
        if (target.isProtected() && !yes) {
            Confirmation.ask(target, "restore " + id + " over it");
        }
        System.out.println(D1Environment.of(target).wrangler().timeTravelRestore(bookmark).strip());
        System.out.println("restored " + id + " into " + environment);
        printStatus(config, target);
        return 0;
    }
}
