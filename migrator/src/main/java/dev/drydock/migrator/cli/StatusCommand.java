package dev.drydock.migrator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drydock.backup.BackupSetup;
import dev.drydock.backup.catalog.Catalog;
import dev.drydock.migrator.d1.D1Status;
import dev.drydock.migrator.flyway.FlywayEngine;
import dev.drydock.migrator.history.NativeStatus;
import dev.drydock.migrator.history.RunnerDatabase;
import dev.drydock.migrator.lock.LockTimeout;
import dev.drydock.migrator.lock.ServerLock;
import dev.drydock.migrator.run.ApplyJournal;
import dev.drydock.migrator.status.MigrationStatus;
import dev.drydock.migrator.status.StatusReader;
import dev.drydock.shared.config.DrydockConfig;
import dev.drydock.shared.config.EnvironmentConfig;
import dev.drydock.shared.d1.D1Environment;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import org.flywaydb.core.Flyway;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code migrator status}: applied, pending, failed and drifted migrations of an environment. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows what the runner's history (the layout's own runner's, Flyway's, or wrangler's on D1) says was applied, what is pending, what failed, and where the"
                + " files no longer match the history. Exit 0 when nothing failed or drifted, 1 otherwise.",
        footerHeading = "%nExamples:%n",
        footer = {"  migrator status --env dev", "  migrator status --env production --json"})
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    MigratorCommand parent;

    @Option(names = "--env", paramLabel = "ENV", description = "The environment of drydock.yaml (optional when it has only one).")
    String environment;

    @Option(names = "--json", description = "The status as JSON (its fields: docs/status-json.md) instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        DrydockConfig config = parent.loadConfig();
        environment = config.environmentName(environment);
        EnvironmentConfig target = MigratorCommand.environment(config, environment);
        MigrationSet set = new MigrationDiscovery(Path.of("")).discover(config.migrations());
        MigrationStatus status;
        Optional<RunnerDatabase> runner = RunnerDatabase.of(config, set, target);
        if (target.isD1()) {
            status = D1Status.read(environment, D1Environment.of(target), set).status();
        } else if (runner.isPresent()) {
            status = NativeStatus.read(environment, runner.get(), set,
                    interrupted(runner.get().dataSource(), target)).status();
        } else {
            Flyway flyway = FlywayEngine.forEnvironment(target, set);
            status = StatusReader.read(flyway, environment, target.url(),
                    interrupted(flyway.getConfiguration().getDataSource(), target));
        }
        System.out.print(json ? json(status, lastBackup(config)) : text(status));
        System.out.flush();
        return status.success() ? 0 : 1;
    }

    /**
     * What migrators that died halfway left in the apply journal. Only while no migrator holds the database's lock:
     * a running one's marks are work in progress.
     */
    private static List<ApplyJournal.Mark> interrupted(javax.sql.DataSource dataSource, EnvironmentConfig target)
            throws Exception {
        ApplyJournal journal = new ApplyJournal(dataSource, target.jdbcUrl());
        try (ServerLock lock = ServerLock.acquire(target.jdbcUrl(), target.revealUser(), target.revealPassword(),
                Duration.ZERO, line -> { })) {
            return journal.marks();
        } catch (LockTimeout running) {
            return List.of();
        }
    }

    /** The newest backup of the environment in the catalog, when the config has a backup store. */
    private Map<String, Object> lastBackup(DrydockConfig config) throws java.io.IOException {
        if (config.backup() == null || config.backup().store() == null) {
            return null;
        }
        List<Catalog.Entry> entries = new Catalog(BackupSetup.load(parent.config).store())
                .entries(Optional.of(environment));
        if (entries.isEmpty()) {
            return null;
        }
        Catalog.Entry newest = entries.get(entries.size() - 1);
        Map<String, Object> backup = new LinkedHashMap<>();
        backup.put("id", newest.id().toString());
        backup.put("startedAt", newest.id().startedAt().toString());
        backup.put("status", newest.status());
        backup.put("bytes", newest.bytes());
        newest.manifest().map(m -> m.migrationState()).filter(state -> state.applied() != null)
                .ifPresent(state -> backup.put("appliedMigrations", state.applied().stream()
                        .filter(a -> a.version() != null).count()));
        return backup;
    }

    static String json(MigrationStatus status, Map<String, Object> lastBackup) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("environment", status.environment());
        out.put("database", status.database());
        out.put("migrationState", Map.of("table", status.historyTable()));
        out.put("current", status.current());
        out.put("applied", status.applied());
        out.put("pending", status.pending());
        out.put("failed", status.failed());
        out.put("drift", status.drift());
        out.put("lastBackup", lastBackup);
        out.put("success", status.success());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out) + "\n";
    }

    static String text(MigrationStatus status) {
        StringBuilder out = new StringBuilder();
        out.append(status.environment()).append(" (").append(status.database()).append("): ")
                .append(status.current() == null ? "no migration applied" : "at version " + status.current())
                .append(", ").append(status.applied().size()).append(" applied, ").append(status.pending().size())
                .append(" pending, ").append(status.failed().size()).append(" failed\n");
        status.applied().forEach(e -> out.append("  applied  ").append(line(e)).append('\n'));
        status.failed().forEach(e -> out.append("  FAILED   ").append(line(e)).append('\n'));
        status.pending().forEach(e -> out.append("  pending  ").append(line(e)).append('\n'));
        status.drift().forEach(d -> out.append("  drift    ").append(d.script()).append(": ").append(d.problem())
                .append("; ").append(d.fix()).append('\n'));
        return out.toString();
    }

    private static String line(MigrationStatus.Entry entry) {
        return String.format("%-16s %s%s", entry.version() == null ? "(repeatable)" : entry.version(),
                entry.description(), entry.installedOn() == null ? "" : "  " + entry.installedOn());
    }
}
