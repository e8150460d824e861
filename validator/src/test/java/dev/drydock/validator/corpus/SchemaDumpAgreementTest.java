package dev.drydock.validator.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlSplitter;
import dev.drydock.shared.sql.SqlStatement;
import dev.drydock.shared.testing.ScratchDatabases;
import dev.drydock.validator.CliRun;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A schema the database itself wrote is a migration the database runs: each PostgreSQL, MariaDB and SQLite corpus is
 * applied on the real engine, its schema dumped ({@code pg_dump -s}, {@code mariadb-dump --no-data}, SQLite's
 * {@code sqlite_master}), and the dump,
 * checked in as a project's baseline migration, must draw no finding that says the database will refuse a statement.
 * Dumps write every object in the database's own words (qualified names, casts, {@code ALTER TABLE ... OWNER TO} on
 * views and sequences, {@code ONLY}, constraints added after their tables), which migrations written by hand rarely
 * use all at once.
 */
class SchemaDumpAgreementTest {

    /** The rules that say the database refuses the statement. */
    private static final Set<String> REFUSING = Set.of("syntax-error", "unknown-object", "duplicate-object",
            "dependent-objects", "type-change-without-using", "foreign-key-type-mismatch", "not-null-violation",
            "dml-type-mismatch", "ambiguous-column", "dialect-unsupported", "if-not-exists-unsupported");

    @TempDir
    Path work;

    static List<CorpusSet> postgresCorpora() {
        return CorpusSet.all().stream()
                .filter(c -> Set.of("concourse", "kratos-pg", "marquez", "dspace-pg", "uaa-pg").contains(c.name()))
                .toList();
    }

    static List<CorpusSet> mariadbCorpora() {
        return CorpusSet.all().stream().filter(c -> Set.of("kratos-mysql", "uaa-mysql").contains(c.name())).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postgresCorpora")
    void aPgDumpOfTheCorpusIsAValidBaseline(CorpusSet corpus) throws Exception {
        String superuser = ScratchDatabases.postgresSuperuser();
        try (ScratchDatabases.Scratch database = ScratchDatabases.postgres()
                .droppedThrough(ScratchDatabases.postgresSuperuserAdminUrl());
             Connection connection = DriverManager.getConnection(
                     "jdbc:postgresql://127.0.0.1:5432/" + database.name() + "?user=" + superuser)) {
            int ran = applyForwards(corpus, Dialect.POSTGRESQL, connection);
            String dump = run("pg_dump", "--schema-only", "-h", "127.0.0.1", "-U", superuser, database.name());
            // psql's own meta-commands (\restrict) are no SQL a runner sends
            dump = dump.lines().filter(line -> !line.startsWith("\\")).collect(Collectors.joining("\n", "", "\n"));
            assertNoRefusal(corpus, ran, dump, "postgresql");
        }
    }

    static List<CorpusSet> sqliteCorpora() {
        return CorpusSet.all().stream()
                .filter(c -> Set.of("harness-sqlite", "kratos-sqlite", "sonicjs").contains(c.name())).toList();
    }

    /** SQLite keeps each object's CREATE statement in sqlite_master, as altered since: that is its dump. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sqliteCorpora")
    void sqliteMastersStatementsAreAValidBaseline(CorpusSet corpus) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + work.resolve(corpus.name() + ".db"))) {
            int ran = applyForwards(corpus, Dialect.SQLITE, connection);
            StringBuilder dump = new StringBuilder();
            try (Statement statement = connection.createStatement(); var rows = statement.executeQuery(
                    "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY"
                            + " CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN 'view' THEN 2 ELSE 3 END, rowid")) {
                while (rows.next()) {
                    dump.append(rows.getString(1)).append(";\n");
                }
            }
            assertNoRefusal(corpus, ran, dump.toString(), corpus.dialect());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mariadbCorpora")
    void aMariadbDumpOfTheCorpusIsAValidBaseline(CorpusSet corpus) throws Exception {
        try (ScratchDatabases.Scratch database = ScratchDatabases.mariadb(); Connection connection = database.connect()) {
            int ran = applyForwards(corpus, Dialect.MARIADB, connection);
            String dump = run("mariadb-dump", "--no-data", "--routines", "--triggers", "-h", "127.0.0.1", "-u", "root",
                    database.name());
            assertNoRefusal(corpus, ran, dump, "mariadb");
        }
    }

    private void assertNoRefusal(CorpusSet corpus, int ran, String dump, String dialect) throws IOException {
        assertTrue(dump.lines().filter(line -> line.startsWith("CREATE TABLE")).count() > 10,
                corpus + ": the dump holds too few tables (" + ran + " statements ran)");
        Path migrations = Files.createDirectories(work.resolve(corpus.name()));
        Files.writeString(migrations.resolve("V1__baseline.sql"), dump);
        JsonNode report = CliRun.json("--dialect", dialect, migrations.toString());
        List<String> refusals = CliRun.findings(report).stream()
                .filter(finding -> REFUSING.contains(finding.substring(0, finding.indexOf('@')))).toList();
        System.out.printf("%s: %d statements run, a dump of %d lines, %d refusals found%n", corpus, ran,
                dump.lines().count(), refusals.size());
        assertEquals(List.of(), refusals, corpus + ": findings on a schema the database wrote itself");
    }

    /** Runs every forward statement in order, each on its own (one that fails leaves the rest to run). */
    private int applyForwards(CorpusSet corpus, Dialect dialect, Connection connection) throws SQLException {
        MigrationSet set = corpus.discover(work);
        connection.setAutoCommit(true);
        int ran = 0;
        for (Migration migration : set.migrations()) {
            var script = migration.forward();
            for (SqlStatement statement : new SqlSplitter(dialect).split(script.file().text(), script.from(),
                    script.to(), script.file().lines()).statements()) {
                try (Statement jdbc = connection.createStatement()) {
                    jdbc.execute(statement.text());
                    ran++;
                } catch (SQLException e) {
                    // the corpora hold statements that fail on a fresh database; the dump shows what ran
                }
            }
        }
        return ran;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + " failed");
        return out;
    }
}
