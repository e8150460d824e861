package dev.drydock.backup.cli;

import dev.drydock.backup.BackupSetup;
import dev.drydock.backup.archive.BackupId;
import dev.drydock.backup.archive.Manifest;
import dev.drydock.backup.restore.Restore;
import dev.drydock.backup.restore.RestoreTarget;
import dev.drydock.backup.verify.ScratchServers;
import dev.drydock.shared.BadInputException;
import dev.drydock.shared.config.EnvironmentConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code backup-daemon restore BACKUP_ID --into JDBC_URL}. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restores a stored backup into a database. The backup is first restored beside the target (a"
                + " new file next to a SQLite database, a scratch database on the same server) and compared with its"
                + " manifest; an archive that does not restore never touches the target. Then, with --force over a"
                + " target that holds tables, a safety copy of the target is kept and its content replaced:"
                + " atomically for SQLite (a rename) and PostgreSQL (one transaction); MariaDB commits DDL as it goes,"
                + " so a failure there names the safety copy to load back.",
                "A backup whose last verification failed is refused unless --ignore-failed-verification gives a"
                + " reason. Into an environment's own database (its url), the environment's user and password are"
                + " used; otherwise the user of the URL or --user, and the password from the DRYDOCK_RESTORE_PASSWORD"
                + " environment variable, never from the command line."},
        footerHeading = "%nExamples:%n",
        footer = {"  backup-daemon restore backup-production-2026-11-22-020000 --into jdbc:postgresql://127.0.0.1:5432/app_copy",
                "  backup-daemon restore backup-dev-2026-11-22-020000 --into jdbc:sqlite:./restored.db",
                "  backup-daemon restore backup-dev-2026-11-22-020000 --into jdbc:sqlite:./app.db --force",
                "  backup-daemon restore backup-dev-2026-11-22-020000 --into d1:app-development --force"})
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    BackupDaemonCommand parent;

    @Parameters(paramLabel = "BACKUP_ID", description = "An id from 'backup-daemon list'.")
    String backupId;

    @Option(names = "--into", paramLabel = "JDBC_URL",
            description = "The database to restore into (created when it does not exist); for Cloudflare D1, the"
                    + " d1:<database> url of an environment.")
    String target;

    @Option(names = "--to", hidden = true, paramLabel = "JDBC_URL", description = "The old spelling of --into.")
    String oldTarget;

    @Option(names = "--user", paramLabel = "USER", description = "User for the target (default: from the URL).")
    String user;

    @Option(names = "--force", description = "Restore into a target that already holds tables, replacing all of it"
            + " (a safety copy is kept).")
    boolean force;

    @Option(names = "--safety-dir", paramLabel = "DIR", defaultValue = ".",
            description = "Where the safety copy of a replaced server database is written (default: the current"
                    + " folder). A SQLite database's copy stays beside it.")
    Path safetyDir;

    @Option(names = "--ignore-failed-verification", paramLabel = "REASON",
            description = "Restore even though the backup's last verification failed; the reason is printed.")
    String overrideReason;

    @Override
    public Integer call() throws IOException {
        BackupSetup setup = BackupSetup.load(parent.config);
        BackupId id = BackupId.parseArgument(backupId);
        String url = Optional.ofNullable(target).or(() -> Optional.ofNullable(oldTarget)).orElseThrow(() ->
                new BadInputException("name the database to restore into: --into JDBC_URL"));
        // into an environment's own database, as that environment's user, so the restored tables are theirs
        Optional<EnvironmentConfig> environment = setup.config().environments().values().stream()
                .filter(candidate -> candidate.url().equals(url) || candidate.jdbcUrl().equals(url)).findFirst();
        String login = user != null ? user : environment.map(EnvironmentConfig::revealUser).orElse(null);
        String password = Optional.ofNullable(System.getenv("DRYDOCK_RESTORE_PASSWORD"))
                .or(() -> environment.map(EnvironmentConfig::revealPassword)).orElse(null);
        RestoreTarget into;
        if (url.startsWith(EnvironmentConfig.D1_SCHEME)) {
            into = RestoreTarget.of(environment.orElseThrow(() -> new BadInputException("--into " + url + ": a D1"
                    + " database is restored into through an environment of drydock.yaml with that url (its wrangler"
                    + " settings say where it is); add one")));
        } else {
            into = RestoreTarget.of(url, login, password);
        }
        ScratchServers scratch = environment.map(env -> setup.scratchServers(env.name())).orElse(ScratchServers.none());
        Manifest manifest = new Restore(setup.store(), Clock.systemUTC(), this::progress)
                .into(id, into, force, Optional.ofNullable(overrideReason), safetyDir.toAbsolutePath(), scratch);
        List<Manifest.AppliedMigration> applied = manifest.migrationState().applied();
        System.out.println("restored " + id + " into " + into);
        System.out.println("migration state: " + (manifest.migrationState().table() == null ? "no history table"
                : applied.size() + " applied" + (applied.isEmpty() ? "" : ", latest " + applied.get(applied.size() - 1).version())));
        return 0;
    }

    private void progress(String step) {
        System.err.println(step); // a handful of lines, and the safety copy's place is among them
    }
}
