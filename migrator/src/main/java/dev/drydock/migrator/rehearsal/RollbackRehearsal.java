package dev.drydock.migrator.rehearsal;

import dev.drydock.shared.BadInputException;
import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.migration.Script;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlStatement;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code test-rollback}'s work, on a scratch database: every forward script in order (a snapshot of the schema
 * before each), then for each migration newest first its rollback (compared with the snapshot before its forward
 * script), the forward script again (compared with the snapshot after it), and the rollback once more to go on.
 * Every difference is reported and the rehearsal goes on: below a migration whose rollback is missing or wrong it
 * starts again on a fresh database holding the older migrations, and when a forward script fails it rehearses the
 * migrations older than it.
 */
public final class RollbackRehearsal {

    /** How one migration's rehearsal came out. */
    public enum Outcome {
        /** Its rollback restored the schema from before it, and applying it again the schema after it. */
        HOLDS,
        /** Its rollback or its re-apply failed, or left a schema that differs. */
        DIFFERS,
        /** It has no rollback file. */
        NO_ROLLBACK,
        /** Its forward script failed on the scratch database, so it and the newer ones could not be rehearsed. */
        FORWARD_FAILED
    }

    /** One migration's verdict; {@code problems} says what differs or failed, and is empty when it holds. */
    public record Verdict(String migration, Outcome outcome, List<String> problems) {

        public boolean passed() {
            return outcome == Outcome.HOLDS;
        }
    }

    /** Makes a new, empty scratch database. */
    public interface Scratch {
        ScratchDatabase create() throws IOException, SQLException;
    }

    private final Scratch scratch;
    private final Dialect dialect;
    private final Optional<Script> setup;

    /**
     * @param setup SQL run on every fresh scratch database before the first migration: what the application's own
     *              runner creates before it, such as its history table
     */
    public RollbackRehearsal(Scratch scratch, Dialect dialect, Optional<Script> setup) {
        this.scratch = scratch;
        this.dialect = dialect;
        this.setup = setup;
    }

    public List<Verdict> run(MigrationSet set, Consumer<String> progress) throws IOException, SQLException {
        List<Migration> migrations = set.migrations().stream().filter(m -> !m.repeatable()).toList();
        List<SchemaSnapshot> before = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        Fresh database = fresh(migrations, 0);
        try {
            int applied = 0;
            for (Migration migration : migrations) {
                before.add(snapshot(database.connection));
                List<String> failures = run(database.connection, migration.forward());
                if (!failures.isEmpty()) {
                    int newer = migrations.size() - applied - 1;
                    List<String> problems = new ArrayList<>(prefixed("its forward script failed", failures));
                    problems.add(newer + " newer migration(s) were not rehearsed");
                    verdicts.add(new Verdict(migration.id(), Outcome.FORWARD_FAILED, List.copyOf(problems)));
                    progress.accept(migration.id() + ": the forward script failed; rehearsing the " + applied
                            + " older migration(s)");
                    database.close();
                    database = fresh(migrations, applied);
                    break;
                }
                applied++;
            }
            if (applied == migrations.size()) {
                before.add(snapshot(database.connection));
            }
            for (int i = applied - 1; i >= 0; i--) {
                Migration migration = migrations.get(i);
                Verdict verdict = rehearse(database.connection, migration, before.get(i), before.get(i + 1));
                verdicts.add(verdict);
                progress.accept(migration.id() + ": " + switch (verdict.outcome()) {
                    case HOLDS -> "ok";
                    case DIFFERS -> verdict.problems().size() + " difference(s)";
                    case NO_ROLLBACK, FORWARD_FAILED -> "no rollback";
                });
                if (!verdict.passed() && i > 0) {
                    // What this migration left behind must not count against the older ones: start them afresh.
                    database.close();
                    database = fresh(migrations, i);
                }
            }
        } finally {
            database.close();
        }
        return verdicts;
    }

    private Verdict rehearse(Connection connection, Migration migration, SchemaSnapshot beforeIt, SchemaSnapshot afterIt)
            throws SQLException {
        if (migration.rollback().isEmpty()) {
            return new Verdict(migration.id(), Outcome.NO_ROLLBACK, List.of("it has no rollback"));
        }
        Script rollback = migration.rollback().get();
        List<String> problems = new ArrayList<>(prefixed("its rollback failed", run(connection, rollback)));
        problems.addAll(prefixed("after its rollback", beforeIt.differencesFrom(snapshot(connection))));
        problems.addAll(prefixed("its forward script failed on re-apply", run(connection, migration.forward())));
        problems.addAll(prefixed("after applying it again", afterIt.differencesFrom(snapshot(connection))));
        problems.addAll(prefixed("its rollback failed the second time", run(connection, rollback)));
        return new Verdict(migration.id(), problems.isEmpty() ? Outcome.HOLDS : Outcome.DIFFERS, List.copyOf(problems));
    }

    /** A new scratch database with the setup script and the first {@code count} forward scripts applied. */
    private Fresh fresh(List<Migration> migrations, int count) throws IOException, SQLException {
        ScratchDatabase database = scratch.create();
        Connection connection;
        try {
            connection = database.connect();
        } catch (SQLException e) {
            database.close();
            throw e;
        }
        Fresh fresh = new Fresh(database, connection);
        if (setup.isPresent()) {
            List<String> failures = run(connection, setup.get());
            if (!failures.isEmpty()) {
                fresh.close();
                throw new BadInputException("the setup script failed on the scratch database: " + failures.get(0)
                        + "\n  fix the script, or leave out --setup");
            }
        }
        for (int j = 0; j < count; j++) {
            run(connection, migrations.get(j).forward());
        }
        return fresh;
    }

    /** A scratch database and its open connection; closing twice is harmless (the drop says IF EXISTS). */
    private record Fresh(ScratchDatabase database, Connection connection) {
        void close() throws IOException, SQLException {
            try {
                connection.close();
            } finally {
                database.close();
            }
        }
    }

    private SchemaSnapshot snapshot(Connection connection) throws SQLException {
        return SchemaSnapshot.of(connection, dialect);
    }

    /** Runs a script statement by statement; returns the statements the database refused, with its message. */
    private List<String> run(Connection connection, Script script) {
        List<String> failures = new ArrayList<>();
        for (SqlStatement statement : script.statements(dialect)) {
            try (Statement jdbc = connection.createStatement()) {
                jdbc.execute(statement.text());
            } catch (SQLException e) {
                failures.add(script.displayPath() + ":" + statement.start().line() + ": " + e.getMessage()
                        .lines().findFirst().orElse(""));
            }
        }
        return failures;
    }

    private static List<String> prefixed(String prefix, List<String> items) {
        return items.stream().map(item -> prefix + ": " + item).toList();
    }
}
