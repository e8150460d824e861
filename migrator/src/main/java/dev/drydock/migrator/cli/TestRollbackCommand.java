package dev.drydock.migrator.cli;

import dev.drydock.migrator.gate.ValidatorGate;
import dev.drydock.migrator.rehearsal.JdbcRehearsalDatabase;
import dev.drydock.migrator.rehearsal.LocalD1Database;
import dev.drydock.migrator.rehearsal.RollbackRehearsal.Outcome;
import dev.drydock.migrator.rehearsal.RollbackRehearsal.Verdict;
import dev.drydock.migrator.rehearsal.RollbackRehearsal;
import dev.drydock.migrator.rehearsal.ScratchDatabase;
import dev.drydock.shared.config.BackupConfig;
import dev.drydock.shared.config.DatabaseEngine;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.migration.Script;
import dev.drydock.shared.migration.SourceFile;
import dev.drydock.shared.sql.Dialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code migrator test-rollback}: rehearses every rollback on a scratch database (up all, then down, up, down for
 * each migration newest first) and reports each difference. Exit 0 when every rollback holds, 1 otherwise.
 */
@Command(name = "test-rollback", mixinStandardHelpOptions = true,
        description = "Rehearses every rollback on a scratch database it creates and drops, comparing the schema at"
                + " each step.",
        footerHeading = "%nExamples:%n",
        footer = {"  migrator test-rollback                                  # SQLite: a temporary file",
                "  migrator test-rollback --env development              # D1: fresh local D1s, through wrangler",
                "  migrator test-rollback --scratch 'jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres'",
                "  migrator test-rollback --env staging                  # the backup job's verifyUrl, else staging's server",
                "  migrator test-rollback --scratch ... --setup db/runner-setup.sql   # tables your runner makes first"})
final class TestRollbackCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCommand parent;

    @Option(names = "--scratch", paramLabel = "JDBC_URL",
            description = "The server to make the scratch database on (PostgreSQL, MariaDB); SQLite needs none.")
    String scratch;

    @Option(names = "--env", paramLabel = "ENV",
            description = "Without --scratch, make the scratch database on this environment's backup job's verifyUrl,"
                    + " else on its own server unless it is protected (optional when the config has one environment).")
    String environment;

    @Option(names = "--setup", paramLabel = "FILE",
            description = "SQL run on each fresh scratch database before the first migration: what your own runner"
                    + " creates before it (its history table, roles, extensions).")
    Path setup;

    @Override
    public Integer call() throws Exception {
        DrydockConfig config = parent.loadConfig();
        MigrationSet set = new MigrationDiscovery(Path.of("")).discover(config.migrations());
        Dialect dialect = ValidatorGate.primaryDialect(config);
        Optional<Script> setupScript = Optional.ofNullable(setup)
                .map(file -> Script.wholeFile(SourceFile.read(file, file.toString())));
        Optional<EnvironmentConfig> d1 = d1Environment(config);
        RollbackRehearsal.Scratch scratchDatabases;
        if (d1.isPresent()) {
            System.out.println("rehearsing on fresh local D1 databases in temporary folders, through wrangler");
            scratchDatabases = () -> LocalD1Database.create(d1.get().wrangler(), d1.get().d1Database());
        } else {
            ScratchServer server = scratchServer(config);
            scratchDatabases = () -> JdbcRehearsalDatabase.open(ScratchDatabase.create(dialect, server.url(),
                    server.user(), server.password()));
        }
        List<Verdict> verdicts = new RollbackRehearsal(scratchDatabases, setupScript).run(set, System.out::println);
        for (Verdict verdict : verdicts) {
            for (String problem : verdict.problems()) {
                System.out.println("  " + verdict.migration() + ": " + problem);
            }
        }
        System.out.println(summary(verdicts));
        return verdicts.stream().allMatch(Verdict::passed) ? 0 : 1;
    }

    private record ScratchServer(String url, String user, String password) {
    }

    /**
     * The D1 environment to rehearse for ({@code --env}, or the config's only environment): its wrangler config names
     * the database whose fresh local copies the rehearsal makes. Without --scratch only; empty for other engines.
     */
    private Optional<EnvironmentConfig> d1Environment(DrydockConfig config) {
        if (scratch != null || environment == null && config.environments().size() != 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(config.environments().get(config.environmentName(environment)))
                .filter(EnvironmentConfig::isD1);
    }

    /**
     * Where the scratch databases go: {@code --scratch}; else the environment's backup job's verifyUrl (the server
     * restore verifications use); else the environment's own server, unless it is protected. None for SQLite.
     */
    private ScratchServer scratchServer(DrydockConfig config) {
        if (scratch != null) {
            return new ScratchServer(scratch, null, null);
        }
        if (environment == null && config.environments().size() != 1) {
            return new ScratchServer(null, null, null);
        }
        String name = config.environmentName(environment);
        Optional<String> verifyUrl = config.backup().jobs().stream().filter(job -> job.environment().equals(name))
                .map(BackupConfig.Job::verifyUrl).filter(url -> url != null).findFirst();
        if (verifyUrl.isPresent()) {
            return new ScratchServer(verifyUrl.get(), null, null);
        }
        EnvironmentConfig target = config.environments().get(name);
        if (target == null || target.isProtected() || DatabaseEngine.SQLITE.matches(target.url())) {
            return new ScratchServer(null, null, null);
        }
        System.out.println("scratch databases on " + name + "'s server (created and dropped; the environment's own"
                + " database is not touched)");
        return new ScratchServer(target.jdbcUrl(), target.revealUser(), target.revealPassword());
    }

    static String summary(List<Verdict> verdicts) {
        Map<Outcome, Long> counts = verdicts.stream().collect(Collectors.groupingBy(Verdict::outcome,
                () -> new EnumMap<>(Outcome.class), Collectors.counting()));
        long hold = counts.getOrDefault(Outcome.HOLDS, 0L);
        long differ = counts.getOrDefault(Outcome.DIFFERS, 0L);
        long missing = counts.getOrDefault(Outcome.NO_ROLLBACK, 0L);
        StringBuilder summary = new StringBuilder((hold + differ) + " rollback(s) rehearsed: " + hold + " hold, "
                + differ + " do not");
        if (missing > 0) {
            summary.append("; ").append(missing).append(" migration(s) have no rollback");
        }
        verdicts.stream().filter(v -> v.outcome() == Outcome.FORWARD_FAILED).findFirst().ifPresent(failed ->
                summary.append("; the forward script of ").append(failed.migration())
                        .append(" failed, so it and the newer migrations were not rehearsed"));
        return summary.toString();
    }
}
