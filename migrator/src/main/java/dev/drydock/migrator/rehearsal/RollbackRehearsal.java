package dev.drydock.migrator.rehearsal;

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
import java.util.function.Consumer;

/**
 * {@code test-rollback}'s work, on a scratch database: every forward script in order (a snapshot of the schema
 * before each), then for each migration newest first its rollback (compared with the snapshot before its forward
 * script), the forward script again (compared with the snapshot after it), and the rollback once more to go on.
 * Every difference is reported and the rehearsal goes on.
 */
public final class RollbackRehearsal {

    /** One migration's verdict; {@code problems} is empty when its rollback and re-apply both come out right. */
    public record Verdict(String migration, List<String> problems) {

        public boolean passed() {
            return problems.isEmpty();
        }
    }

    /** Makes a new, empty scratch database. */
    public interface Scratch {
        ScratchDatabase create() throws IOException, SQLException;
    }

    private final Scratch scratch;
    private final Dialect dialect;

    public RollbackRehearsal(Scratch scratch, Dialect dialect) {
        this.scratch = scratch;
        this.dialect = dialect;
    }

    public List<Verdict> run(MigrationSet set, Consumer<String> progress) throws IOException, SQLException {
        List<Migration> migrations = set.migrations().stream().filter(m -> !m.repeatable()).toList();
        List<SchemaSnapshot> before = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        ScratchDatabase database = scratch.create();
        Connection connection = database.connect();
        try {
            for (Migration migration : migrations) {
                before.add(snapshot(connection));
                List<String> failures = run(connection, migration.forward());
                if (!failures.isEmpty()) {
                    verdicts.add(new Verdict(migration.id(), prefixed("its forward script failed", failures)));
                    progress.accept(migration.id() + ": the forward script failed; the rehearsal stops here");
                    return verdicts;
                }
            }
            before.add(snapshot(connection)); // after the last one
            for (int i = migrations.size() - 1; i >= 0; i--) {
                Migration migration = migrations.get(i);
                if (migration.rollback().isEmpty()) {
                    verdicts.add(new Verdict(migration.id(), List.of("it has no rollback; the rehearsal stops here")));
                    progress.accept(migration.id() + ": no rollback; the rehearsal stops here");
                    return verdicts;
                }
                List<String> problems = new ArrayList<>(prefixed("its rollback failed", run(connection, migration.rollback().get())));
                problems.addAll(prefixed("after its rollback", before.get(i).differencesFrom(snapshot(connection))));
                problems.addAll(prefixed("its forward script failed on re-apply", run(connection, migration.forward())));
                problems.addAll(prefixed("after applying it again", before.get(i + 1).differencesFrom(snapshot(connection))));
                problems.addAll(prefixed("its rollback failed the second time", run(connection, migration.rollback().get())));
                verdicts.add(new Verdict(migration.id(), List.copyOf(problems)));
                progress.accept(migration.id() + ": " + (problems.isEmpty() ? "ok" : problems.size() + " difference(s)"));
                if (!problems.isEmpty() && i > 0) {
                    // What this rollback left behind must not count against the older ones: start them afresh.
                    connection.close();
                    database.close();
                    database = scratch.create();
                    connection = database.connect();
                    for (int j = 0; j < i; j++) {
                        run(connection, migrations.get(j).forward());
                    }
                }
            }
        } finally {
            connection.close();
            database.close();
        }
        return verdicts;
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
