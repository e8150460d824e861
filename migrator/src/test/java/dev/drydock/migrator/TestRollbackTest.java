package dev.drydock.migrator;

import dev.drydock.migrator.rehearsal.JdbcRehearsalDatabase;
import dev.drydock.migrator.rehearsal.RollbackRehearsal;
import dev.drydock.migrator.rehearsal.RollbackRehearsal.Outcome;
import dev.drydock.migrator.rehearsal.RollbackRehearsal.Verdict;
import dev.drydock.migrator.rehearsal.ScratchDatabase;
import dev.drydock.shared.migration.CustomLayout;
import dev.drydock.shared.migration.Layout;
import dev.drydock.shared.migration.LayoutDetection;
import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.migration.Script;
import dev.drydock.shared.migration.SourceFile;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.testing.Corpora;
import dev.drydock.shared.testing.ScratchDatabases;
import dev.drydock.validator.Validator;
import dev.drydock.validator.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    /** --setup makes what the application's own runner makes first; a setup that fails is bad input, exit 2. */
    @Test
    void aSetupScriptRunsOnEachFreshScratchDatabaseFirst() throws Exception {
        Path db = Files.createDirectories(project.resolve("db"));
        Files.writeString(db.resolve("V1__runner_key.sql"), "CREATE UNIQUE INDEX migrations_version ON migrations (version);");
        Files.writeString(db.resolve("U1__runner_key.sql"), "DROP INDEX migrations_version;");
        Path config = Files.writeString(project.resolve("drydock.yaml"), "migrations:\n  dir: db\n  layout: flyway\n"
                + "  dialects: [sqlite]\n");
        MigratorRun without = MigratorRun.of("--config", config.toString(), "test-rollback");
        assertEquals(1, without.exit(), without.out() + without.err());
        assertTrue(without.out().contains("the forward script of 1 failed"), without.out());

        Path setup = Files.writeString(project.resolve("runner.sql"), "CREATE TABLE migrations (version text NOT NULL);");
        MigratorRun with = MigratorRun.of("--config", config.toString(), "test-rollback", "--setup", setup.toString());
        assertEquals(0, with.exit(), with.out() + with.err());
        assertTrue(with.out().contains("1 rollback(s) rehearsed: 1 hold, 0 do not"), with.out());

        Files.writeString(setup, "CREATE TABLE migrations (version text NOT NULL;");
        MigratorRun broken = MigratorRun.of("--config", config.toString(), "test-rollback", "--setup", setup.toString());
        assertEquals(2, broken.exit(), broken.out() + broken.err());
        assertTrue(broken.err().contains("the setup script failed on the scratch database: " + setup + ":1:"),
                broken.err());
    }

    /**
     * The rehearsal on the real PostgreSQL against the validator's rollback-not-inverse, per migration: where the
     * rehearsal finds a difference the validator must have flagged the rollback, and the reverse. Migrations
     * without a rollback, and any whose forward script fails on a fresh database, are left out of the comparison.
     */
    @Test
    void agreesWithTheValidatorOnConcourse() throws Exception {
        Path folder = Corpora.path("concourse__concourse/atc/db/migration/migrations");
        assertAgreement("concourse", folder, LayoutDetection.detect(folder, "concourse"), Optional.empty(), 100);
    }

    /** harness' runner (maragudk/migrate) makes its {@code migrations} table before the first script alters it. */
    @Test
    void agreesWithTheValidatorOnHarness() throws Exception {
        Path setup = Files.writeString(project.resolve("setup.sql"), "CREATE TABLE migrations (version text NOT NULL);");
        // maragudk/migrate's regex leaves the dot before up.sql unescaped, so four _up.sql files are migrations too
        Layout layout = new CustomLayout(Pattern.compile("(?<version>\\d+)(?<description>[\\w-]*)[._]up\\.sql"),
                Pattern.compile("(?<version>\\d+)(?<description>[\\w-]*)[._]down\\.sql"));
        assertAgreement("harness", Corpora.path("harness__harness/app/store/database/migrate/postgres"), layout,
                Optional.of(Script.wholeFile(SourceFile.read(setup, "setup.sql"))), 150);
    }

    /**
     * kratos keeps every dialect in one folder; ory/pop runs a migration's {@code .postgres.} file where there is
     * one and its all-dialect file otherwise, so the test copies that choice into a folder of its own.
     */
    @Test
    void agreesWithTheValidatorOnKratos() throws Exception {
        Path folder = Files.createDirectories(project.resolve("kratos-postgres"));
        Pattern file = Pattern.compile("(\\d+_[^.]+)(\\.(?:postgres|mysql|sqlite3?|cockroach))?((?:\\.autocommit)?\\.(?:up|down)\\.sql)");
        Map<String, Path> chosen = new TreeMap<>();
        try (Stream<Path> files = Files.list(Corpora.path("ory__kratos/persistence/sql/migrations/sql"))) {
            for (Path path : files.toList()) {
                Matcher name = file.matcher(path.getFileName().toString());
                if (name.matches() && (name.group(2) == null || name.group(2).equals(".postgres"))) {
                    String key = name.group(1) + name.group(3);
                    if (name.group(2) != null || !chosen.containsKey(key)) {
                        chosen.put(key, path);
                    }
                }
            }
        }
        for (Map.Entry<String, Path> entry : chosen.entrySet()) {
            Files.copy(entry.getValue(), folder.resolve(entry.getKey()));
        }
        Layout layout = new CustomLayout(Pattern.compile("(?<version>\\d+)_(?<description>[^.]+)(\\.autocommit)?\\.up\\.sql"),
                Pattern.compile("(?<version>\\d+)_(?<description>[^.]+)(\\.autocommit)?\\.down\\.sql"));
        assertAgreement("kratos", folder, layout, Optional.empty(), 250);
    }

    private void assertAgreement(String name, Path folder, Layout layout, Optional<Script> setup, int atLeast)
            throws Exception {
        MigrationSet set = new MigrationDiscovery(project).discover(folder, layout, true);
        List<Verdict> verdicts;
        try (ScratchDatabases.Scratch server = ScratchDatabases.postgres()) { // skips the test without a server
            // as a superuser: harness' first migrations create extensions
            String admin = ScratchDatabases.postgresSuperuserAdminUrl();
            verdicts = new RollbackRehearsal(() -> JdbcRehearsalDatabase.open(ScratchDatabase.create(Dialect.POSTGRESQL,
                    admin)), setup).run(set, line -> { });
        }
        List<Finding> findings = new Validator(Map.of()).validate(set, List.of(DialectTarget.latest(Dialect.POSTGRESQL)),
                Optional.empty(), "migrations.sum").findings();
        Map<String, String> rollbackFiles = set.migrations().stream().filter(m -> m.rollback().isPresent())
                .collect(Collectors.toMap(m -> m.rollback().get().displayPath(), Migration::id));
        Set<String> rehearsed = verdicts.stream().filter(v -> v.outcome() == Outcome.HOLDS || v.outcome() == Outcome.DIFFERS)
                .map(Verdict::migration).collect(Collectors.toSet());
        Set<String> flagged = findings.stream().filter(f -> f.rule().equals("rollback-not-inverse"))
                .map(f -> rollbackFiles.get(f.file())).filter(rehearsed::contains).collect(Collectors.toCollection(TreeSet::new));
        Set<String> differing = verdicts.stream().filter(v -> v.outcome() == Outcome.DIFFERS)
                .map(Verdict::migration).collect(Collectors.toCollection(TreeSet::new));
        Set<String> agree = new TreeSet<>(flagged);
        agree.retainAll(differing);
        double precision = flagged.isEmpty() ? 1 : (double) agree.size() / flagged.size();
        double recall = differing.isEmpty() ? 1 : (double) agree.size() / differing.size();
        String summary = String.format(Locale.ROOT, "%s: %d rollbacks rehearsed, %d differ, %d flagged by the validator,"
                + " %d both: precision %.3f, recall %.3f; differ only: %s; flagged only: %s", name, rehearsed.size(),
                differing.size(), flagged.size(), agree.size(), precision, recall,
                minus(differing, flagged), minus(flagged, differing));
        System.out.println(summary);
        assertTrue(rehearsed.size() >= atLeast, summary);
        assertTrue(precision >= 0.9 && recall >= 0.9, summary);
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
