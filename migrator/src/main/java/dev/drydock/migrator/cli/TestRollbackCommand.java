package dev.drydock.migrator.cli;

import dev.drydock.migrator.gate.ValidatorGate;
import dev.drydock.migrator.rehearsal.RollbackRehearsal;
import dev.drydock.migrator.rehearsal.ScratchDatabase;
import dev.drydock.shared.config.BackupConfig;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.sql.Dialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code migrator test-rollback}: rehearses every rollback on a scratch database (up all, then down, up, down for
 * each migration newest first) and reports each difference. Exit 0 when every rollback holds, 1 otherwise.
 */
@Command(name = "test-rollback", mixinStandardHelpOptions = true,
        description = "Rehearses every rollback on a scratch database it creates and drops, comparing the schema at"
                + " each step.",
        footerHeading = "%nExamples:%n",
        footer = {"  migrator test-rollback                                  # SQLite: a temporary file",
                "  migrator test-rollback --scratch 'jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres'",
                "  migrator test-rollback --env production               # the backup job's verifyUrl server"})
final class TestRollbackCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCommand parent;

    @Option(names = "--scratch", paramLabel = "JDBC_URL",
            description = "The server to make the scratch database on (PostgreSQL, MariaDB); SQLite needs none.")
    String scratch;

    @Option(names = "--env", paramLabel = "ENV",
            description = "Take the scratch server from this environment's backup job (verifyUrl).")
    String environment;

    @Override
    public Integer call() throws Exception {
        DrydockConfig config = parent.loadConfig();
        MigrationSet set = new MigrationDiscovery(Path.of("")).discover(config.migrations());
        Dialect dialect = ValidatorGate.primaryDialect(config);
        String server = scratch != null ? scratch : environment == null ? null : config.backup().jobs().stream()
                .filter(job -> job.environment().equals(environment)).map(BackupConfig.Job::verifyUrl)
                .filter(url -> url != null).findFirst().orElse(null);
        String scratchServer = server;
        List<RollbackRehearsal.Verdict> verdicts = new RollbackRehearsal(() -> ScratchDatabase.create(dialect, scratchServer),
                dialect).run(set, System.out::println);
        long failed = verdicts.stream().filter(v -> !v.passed()).count();
        for (RollbackRehearsal.Verdict verdict : verdicts) {
            for (String problem : verdict.problems()) {
                System.out.println("  " + verdict.migration() + ": " + problem);
            }
        }
        System.out.println(verdicts.size() + " rollback(s) rehearsed: " + (verdicts.size() - failed) + " hold, "
                + failed + " do not");
        return failed == 0 ? 0 : 1;
    }
}
