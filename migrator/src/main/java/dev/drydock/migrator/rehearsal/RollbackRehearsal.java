package dev.drydock.migrator.rehearsal;

import dev.drydock.shared.BadInputException;
import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.migration.Script;

import java.io.IOException;
import java.sql.SQLException;
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
        RehearsalDatabase create() throws IOException, SQLException;
    }

    private final Scratch scratch;
    private final Optional<Script> setup;

    /**
     * @param setup SQL run on every fresh scratch database before the first migration: what the application's own
     *              runner creates before it, such as its history table
     */
    public RollbackRehearsal(Scratch scratch, Optional<Script> setup) {
        this.scratch = scratch;
        this.setup = setup;
    }

    public List<Verdict> run(MigrationSet set, Consumer<String> progress) throws IOException, SQLException {
        List<Migration> migrations = set.migrations().stream().filter(m -> !m.repeatable()).toList();
        List<SchemaSnapshot> before = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        RehearsalDatabase database = fresh(migrations, 0);
        try {
            int applied = 0;
            for (Migration migration : migrations) {
                before.add(database.snapshot());
                List<String> failures = database.run(migration.forward());
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
                before.add(database.snapshot());
            }
            for (int i = applied - 1; i >= 0; i--) {
                Migration migration = migrations.get(i);
                Verdict verdict = rehearse(database, migration, before.get(i), before.get(i + 1));
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

    private Verdict rehearse(RehearsalDatabase database, Migration migration, SchemaSnapshot beforeIt,
                             SchemaSnapshot afterIt) throws IOException, SQLException {
        if (migration.rollback().isEmpty()) {
            return new Verdict(migration.id(), Outcome.NO_ROLLBACK, List.of("it has no rollback"));
        }
        Script rollback = migration.rollback().get();
        List<String> problems = new ArrayList<>(prefixed("its rollback failed", database.run(rollback)));
        problems.addAll(prefixed("after its rollback", beforeIt.differencesFrom(database.snapshot())));
        problems.addAll(prefixed("its forward script failed on re-apply", database.run(migration.forward())));
        problems.addAll(prefixed("after applying it again", afterIt.differencesFrom(database.snapshot())));
        problems.addAll(prefixed("its rollback failed the second time", database.run(rollback)));
        return new Verdict(migration.id(), problems.isEmpty() ? Outcome.HOLDS : Outcome.DIFFERS, List.copyOf(problems));
    }

    /** A new scratch database with the setup script and the first {@code count} forward scripts applied. */
    private RehearsalDatabase fresh(List<Migration> migrations, int count) throws IOException, SQLException {
        RehearsalDatabase database = scratch.create();
        if (setup.isPresent()) {
            List<String> failures = database.run(setup.get());
            if (!failures.isEmpty()) {
                database.close();
                throw new BadInputException("the setup script failed on the scratch database: " + failures.get(0)
                        + "\n  fix the script, or leave out --setup");
            }
        }
        for (int j = 0; j < count; j++) {
            database.run(migrations.get(j).forward());
        }
        return database;
    }

    private static List<String> prefixed(String prefix, List<String> items) {
        return items.stream().map(item -> prefix + ": " + item).toList();
    }
}
