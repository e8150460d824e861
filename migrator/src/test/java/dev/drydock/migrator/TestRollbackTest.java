package dev.drydock.migrator;

import dev.drydock.migrator.rehearsal.RollbackRehearsal;
import dev.drydock.migrator.rehearsal.ScratchDatabase;
import dev.drydock.shared.migration.CustomLayout;
import dev.drydock.shared.migration.Layout;
import dev.drydock.shared.migration.LayoutDetection;
import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.testing.Corpora;
import dev.drydock.shared.testing.ScratchDatabases;
import dev.drydock.validator.Validator;
import dev.drydock.validator.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** test-rollback on SQLite, and on the PostgreSQL corpora with rollbacks, where it must agree with the validator. */
class TestRollbackTest {

    @TempDir
    Path project;

    @Test
    void reportsTheRollbackThatLeavesSomethingBehind() throws Exception {
        Path db = project.resolve("db");
        Files.createDirectories(db);
        Files.writeString(db.resolve("V1__users.sql"), "CREATE TABLE users (id integer PRIMARY KEY, email text);");
        Files.writeString(db.resolve("U1__users.sql"), "DROP TABLE users;");
        Files.writeString(db.resolve("V2__email.sql"), "CREATE INDEX users_email_idx ON users (email);");
        Files.writeString(db.resolve("U2__email.sql"), "DROP INDEX users_email_idx;");
        Files.writeString(db.resolve("V3__notes.sql"), "CREATE TABLE notes (id integer PRIMARY KEY);\n"
                + "CREATE INDEX notes_id_idx ON notes (id);");
        Files.writeString(db.resolve("U3__notes.sql"), "DROP INDEX notes_id_idx;");
        Path config = Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db\n  layout: flyway\n"
                + "  dialects: [sqlite]\nenvironments:\n  dev: { url: \"jdbc:sqlite:./dev.db\" }\n");
        MigratorRun run = MigratorRun.of("--config", config.toString(), "test-rollback");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("3: after its rollback: left behind: table notes"), run.out());
        assertTrue(run.out().contains("3 rollback(s) rehearsed: 2 hold, 1 do not"), run.out());
        assertTrue(!Files.exists(project.resolve("dev.db")), "the environment's database is never touched");
    }

    /**
     * The rehearsal on the real PostgreSQL against the validator's rollback-not-inverse, per migration: where the
     * rehearsal finds a difference the validator must have flagged the rollback, and the reverse. Of the other
     * PostgreSQL corpora with rollbacks, harness' set starts by altering a table its own runner creates and one of
     * kratos' newest forward scripts fails on a fresh database, so a rehearsal of them stops at that script.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"concourse, concourse__concourse/atc/db/migration/migrations, golang-migrate,,"})
    void agreesWithTheValidatorOnThePostgresqlCorpora(String name, String dir, String layoutName, String forward,
                                                      String rollback) throws Exception {
        Path folder = Corpora.path(dir);
        Layout layout = layoutName.equals("custom") ? new CustomLayout(Pattern.compile(forward), Pattern.compile(rollback))
                : LayoutDetection.detect(folder, name);
        MigrationSet set = new MigrationDiscovery(project).discover(folder, layout, true);
        List<RollbackRehearsal.Verdict> verdicts;
        try (ScratchDatabases.Scratch server = ScratchDatabases.postgres()) { // skips the test without a server
            verdicts = new RollbackRehearsal(() -> ScratchDatabase.create(Dialect.POSTGRESQL,
                    ScratchDatabases.POSTGRES_ADMIN_URL), Dialect.POSTGRESQL).run(set, line -> { });
        }
        List<Finding> findings = new Validator(Map.of()).validate(set, List.of(DialectTarget.latest(Dialect.POSTGRESQL)),
                Optional.empty(), "migrations.sum").findings();
        Map<String, String> rollbackFiles = set.migrations().stream().filter(m -> m.rollback().isPresent())
                .collect(Collectors.toMap(m -> m.rollback().get().displayPath(), Migration::id));
        Set<String> rehearsed = verdicts.stream().map(RollbackRehearsal.Verdict::migration).collect(Collectors.toSet());
        Set<String> flagged = findings.stream().filter(f -> f.rule().equals("rollback-not-inverse"))
                .map(f -> rollbackFiles.get(f.file())).filter(rehearsed::contains).collect(Collectors.toCollection(TreeSet::new));
        Set<String> differing = verdicts.stream().filter(v -> !v.passed() && !v.problems().get(0).contains("no rollback"))
                .map(RollbackRehearsal.Verdict::migration).collect(Collectors.toCollection(TreeSet::new));
        Set<String> agree = new TreeSet<>(flagged);
        agree.retainAll(differing);
        double precision = flagged.isEmpty() ? 1 : (double) agree.size() / flagged.size();
        double recall = differing.isEmpty() ? 1 : (double) agree.size() / differing.size();
        String summary = String.format(Locale.ROOT, "%s: %d rollbacks rehearsed, %d differ, %d flagged by the validator,"
                + " %d both: precision %.3f, recall %.3f; differ only: %s; flagged only: %s", name, verdicts.size(),
                differing.size(), flagged.size(), agree.size(), precision, recall,
                minus(differing, flagged), minus(flagged, differing));
        System.out.println(summary);
        assertTrue(verdicts.size() > 20, summary);
        assertTrue(precision >= 0.9 && recall >= 0.9, summary);
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
