package dev.drydock.validator.corpus;

import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.migration.Script;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.sql.SqlSplitter;
import dev.drydock.shared.sql.SqlStatement;
import dev.drydock.shared.testing.ScratchDatabases;
import dev.drydock.validator.Validator;
import dev.drydock.validator.rules.Finding;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parser must not cry wolf: every forward statement of the corpora is run, in order, on the real engine.
 * Every statement the engine rejects as a syntax error is flagged (as a syntax error, or by a dialect rule that
 * names the construct), and every statement the validator flags so fails on the engine.
 */
class RealDatabaseAgreementTest {

    private static final String SYNTAX_ERROR = "42601";
    /**
     * The rules that say, from the replayed schema, that the engine will refuse the statement: an object it needs
     * is missing or one it creates is there already, one it drops is needed by a foreign key, a row it writes
     * breaks NOT NULL or a column's type, a column it names is ambiguous.
     */
    private static final Set<String> REPLAY = Set.of("unknown-object", "duplicate-object", "dependent-objects",
            "type-change-without-using", "foreign-key-type-mismatch", "not-null-violation", "dml-type-mismatch", "ambiguous-column");
    /** The rules that say the database will refuse the statement. */
    private static final Set<String> REJECTING = Set.of("syntax-error", "dialect-unsupported",
            "if-not-exists-unsupported", "sqlite-alter-needs-rebuild", "sqlite-add-column-restriction",
            "sqlite-drop-column-blocked");

    @TempDir
    static Path work;

    static List<CorpusSet> postgresCorpora() {
        return CorpusSet.all().stream().filter(c -> c.dialect().equals("postgresql")).toList();
    }

    static List<CorpusSet> mariadbCorpora() {
        return CorpusSet.all().stream().filter(c -> Set.of("fineract-core", "memos-mysql").contains(c.name())).toList();
    }

    static List<CorpusSet> sqliteCorpora() {
        return CorpusSet.all().stream().filter(c -> c.dialect().equals("sqlite") || c.dialect().equals("d1")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postgresCorpora")
    void syntaxErrorsAreExactlyWhatPostgresqlRejects(CorpusSet corpus) throws Exception {
        try (ScratchDatabases.Scratch database = ScratchDatabases.postgres()
                .droppedThrough(ScratchDatabases.postgresSuperuserAdminUrl());
             Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + database.name() + "?user=" + ScratchDatabases.postgresSuperuser())) {
            Set<String> superusers = superusers(connection);
            try {
                agree(corpus, Dialect.POSTGRESQL, "PostgreSQL", connection, e -> SYNTAX_ERROR.equals(e.getSQLState()), 1);
            } finally {
                restoreSuperusers(connection, superusers);
            }
        }
    }

    private static Set<String> superusers(Connection connection) throws SQLException {
        Set<String> roles = new TreeSet<>();
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT rolname FROM pg_roles WHERE rolsuper")) {
            while (rows.next()) {
                roles.add(rows.getString(1));
            }
        }
        return roles;
    }

    /**
     * Roles belong to the whole server, not to the scratch database: a corpus that demotes one (supabase's
     * {@code ALTER ROLE postgres NOSUPERUSER}) gets it back, so the server is left as the test found it.
     */
    private static void restoreSuperusers(Connection connection, Set<String> before) throws SQLException {
        Set<String> demoted = new TreeSet<>(before);
        demoted.removeAll(superusers(connection));
        for (String role : demoted) {
            try (var statement = connection.createStatement()) {
                statement.execute("ALTER ROLE \"" + role.replace("\"", "\"\"") + "\" SUPERUSER");
            }
        }
    }

    /** MariaDB's parse error (1064) on a statement the splitter cut would show a splitting bug (DELIMITER, routines). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mariadbCorpora")
    void syntaxErrorsAreExactlyWhatMariadbRejects(CorpusSet corpus) throws Exception {
        try (ScratchDatabases.Scratch database = ScratchDatabases.mariadb(); Connection connection = database.connect()) {
            agree(corpus, Dialect.MARIADB, "MariaDB", connection, e -> e.getErrorCode() == 1064, 50);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sqliteCorpora")
    void syntaxErrorsAreExactlyWhatSqliteRejects(CorpusSet corpus) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + work.resolve(corpus.name() + ".db"))) {
            agree(corpus, Dialect.fromId(corpus.dialect()).orElseThrow(), "SQLite", connection,
                    RealDatabaseAgreementTest::isSqliteSyntaxError, 0);
        }
    }

    /** Runs the corpus on the engine behind {@code connection} and compares its syntax verdicts with the validator's. */
    private static void agree(CorpusSet corpus, Dialect dialect, String engine, Connection connection,
                              Predicate<SQLException> syntax, int minimumStatements) throws SQLException {
        MigrationSet set = corpus.discover(work);
        Set<String> rejected = new TreeSet<>();
        Set<String> failed = new TreeSet<>();
        Dialect lexing = dialect == Dialect.D1 ? Dialect.SQLITE : dialect;
        int ran = apply(set, lexing, connection, syntax, rejected, failed);
        List<Finding> findings = new Validator(Map.of()).validate(set, List.of(DialectTarget.latest(dialect)),
                Optional.empty(), "migrations.sum").findings();
        Set<String> flagged = flagged(set, dialect, findings, REJECTING, true);
        System.out.printf("%s: %d statements run on %s, %d rejected as syntax errors, %d flagged%n",
                corpus, ran, engine, rejected.size(), flagged.size());
        assertTrue(ran > minimumStatements, corpus + " ran only " + ran + " statements");
        Set<String> unflagged = new TreeSet<>(rejected);
        unflagged.removeAll(flagged);
        assertEquals(Set.of(), unflagged, "statements the engine rejects that the validator accepts");
        Set<String> ranAnyway = new TreeSet<>(flagged);
        ranAnyway.removeAll(failed);
        assertEquals(Set.of(), ranAnyway, "statements the validator calls invalid or unsupported that ran");
        // forward scripts run here in the order the validator replays them, so its schema is the engine's
        Set<String> missingOrThere = flagged(set, dialect, findings, REPLAY, false);
        Set<String> ranDespite = new TreeSet<>(missingOrThere);
        ranDespite.removeAll(failed);
        System.out.printf("%s: %d forward statements flagged by the replay's rules, %d of them ran%n",
                corpus, missingOrThere.size(), ranDespite.size());
        assertEquals(Set.of(), ranDespite, "statements the replay's rules say the engine refuses, which ran");
    }

    private static boolean isSqliteSyntaxError(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("syntax error") || message.contains("incomplete input") || message.contains("unrecognized token");
    }

    /**
     * Runs every forward statement in order, then every rollback newest first, each statement on its own;
     * returns how many ran and fills {@code rejected}.
     */
    private static int apply(MigrationSet set, Dialect dialect, Connection connection, Predicate<SQLException> syntax,
                             Set<String> rejected, Set<String> failed) throws SQLException {
        connection.setAutoCommit(true);
        int ran = 0;
        for (Script script : scripts(set)) {
            for (SqlStatement statement : statements(script, dialect)) {
                ran++;
                try (Statement jdbc = connection.createStatement()) {
                    jdbc.execute(statement.text());
                } catch (SQLException e) {
                    failed.add(key(script, statement));
                    if (syntax.test(e)) {
                        rejected.add(key(script, statement));
                    }
                }
            }
        }
        return ran;
    }

    /**
     * The statements the validator reports one of {@code rules} in, keyed like {@link #apply}'s: of every script, or
     * of forward scripts only.
     */
    private static Set<String> flagged(MigrationSet set, Dialect dialect, List<Finding> findings, Set<String> rules,
                                       boolean rollbacksToo) {
        Set<String> flagged = new TreeSet<>();
        List<Script> scripts = rollbacksToo ? scripts(set) : set.migrations().stream().map(Migration::forward).toList();
        for (Script script : scripts) {
            for (SqlStatement statement : statements(script, dialect)) {
                for (Finding finding : findings) {
                    if (rules.contains(finding.rule()) && finding.file().equals(script.displayPath())
                            && covers(statement, finding)) {
                        flagged.add(key(script, statement));
                    }
                }
            }
        }
        return flagged;
    }

    private static List<Script> scripts(MigrationSet set) {
        List<Script> scripts = new java.util.ArrayList<>(set.migrations().stream().map(Migration::forward).toList());
        List<Migration> newestFirst = new java.util.ArrayList<>(set.migrations());
        java.util.Collections.reverse(newestFirst);
        newestFirst.forEach(migration -> migration.rollback().ifPresent(scripts::add));
        return scripts;
    }

    private static List<SqlStatement> statements(Script script, Dialect dialect) {
        return new SqlSplitter(dialect).split(script.file().text(), script.from(), script.to(), script.file().lines())
                .statements();
    }

    private static boolean covers(SqlStatement statement, Finding finding) {
        int line = finding.start().line();
        return line >= statement.start().line() && line <= statement.end().line();
    }

    private static String key(Script script, SqlStatement statement) {
        return script.file().path().getFileName() + ":" + statement.start().line();
    }
}
