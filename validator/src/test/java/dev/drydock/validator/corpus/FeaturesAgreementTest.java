package dev.drydock.validator.corpus;

import dev.drydock.shared.migration.FlywayLayout;
import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.migration.Script;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.sql.SqlSplitter;
import dev.drydock.shared.sql.SqlStatement;
import dev.drydock.shared.testing.ScratchDatabases;
import dev.drydock.validator.Validator;
import dev.drydock.validator.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Features that real migration sets use and the corpora use little or not at all, in
 * {@code src/test/resources/features/}: on PostgreSQL partitions, search paths, SET SCHEMA, renames inside a schema,
 * identity sequences, LIKE ... INCLUDING ALL, ALTER TRIGGER/POLICY, DROP FUNCTION ... CASCADE, backfills with ON
 * CONFLICT ... EXCLUDED, jsonb and array operators; on MariaDB the indexes InnoDB makes for foreign keys, index types
 * before ON, DELIMITER blocks, INSERT IGNORE and ON DUPLICATE KEY UPDATE, MariaDB's IF [NOT] EXISTS; on SQLite
 * {@code [bracketed]} and {@code `quoted`} names, STRICT and WITHOUT ROWID tables, generated columns, fts5, the
 * rebuild, UPSERT and json functions. Each set runs on
 * the local server first, which must accept every statement; the validator must then raise none of the errors that
 * claim the database would stop there. The PostgreSQL rollback set also holds {@code rollback-not-inverse} to what
 * PostgreSQL shows after each rollback ({@code pg_dump}, as {@link RollbackAgreementTest} compares it).
 */
class FeaturesAgreementTest {

    /** The rules whose error says the database refuses the statement. */
    private static final Set<String> REFUSING = Set.of("syntax-error", "unknown-object", "duplicate-object",
            "dialect-unsupported", "if-not-exists-unsupported", "ambiguous-column", "not-null-violation",
            "dml-type-mismatch", "dependent-objects", "type-change-without-using",
            "foreign-key-type-mismatch");

    private static final Path FEATURES = Path.of("src/test/resources/features");

    /** Also the database's own dump of what the fixtures made: a baseline migration many projects start from. */
    @Test
    void statementsPostgresqlRunsAreNotCalledErrors(@TempDir Path work) throws Exception {
        MigrationSet set = discover("postgresql");
        String dump;
        try (ScratchDatabases.Scratch database = scratch(); Connection connection = connect(database)) {
            List<String> refused = new ArrayList<>();
            for (Migration migration : set.migrations()) {
                refused.addAll(run(connection, migration.forward(), Dialect.POSTGRESQL));
            }
            assertEquals(List.of(), refused, "the fixtures must be valid PostgreSQL");
            // psql's \restrict lines (pg_dump 15.14 and later) are no SQL; no runner would take them
            dump = output("pg_dump", "--no-owner", "--no-privileges", "--inserts", "-h", "127.0.0.1", "-U",
                    ScratchDatabases.postgresSuperuser(), database.name()).replaceAll("(?m)^\\\\(un)?restrict .*$", "");
        }
        assertEquals(List.of(), refusals(set, Dialect.POSTGRESQL));
        assertEquals(List.of(), refusals(dumpSet(work, dump), Dialect.POSTGRESQL), "pg_dump of the fixtures");
    }

    @Test
    void statementsMariadbRunsAreNotCalledErrors(@TempDir Path work) throws Exception {
        MigrationSet set = discover("mariadb");
        String dump;
        try (ScratchDatabases.Scratch database = ScratchDatabases.mariadb(); Connection connection = database.connect()) {
            List<String> refused = new ArrayList<>();
            for (Migration migration : set.migrations()) {
                refused.addAll(run(connection, migration.forward(), Dialect.MARIADB));
            }
            assertEquals(List.of(), refused, "the fixtures must be valid MariaDB");
            dump = output("mariadb-dump", "--routines", "--triggers", "-h", "127.0.0.1", "-u", "root", database.name());
        }
        assertEquals(List.of(), refusals(set, Dialect.MARIADB));
        assertEquals(List.of(), refusals(dumpSet(work, dump), Dialect.MARIADB), "mariadb-dump of the fixtures");
    }

    private static MigrationSet dumpSet(Path work, String dump) throws java.io.IOException {
        Path dir = java.nio.file.Files.createDirectories(work.resolve("dump"));
        java.nio.file.Files.writeString(dir.resolve("V1__dump.sql"), dump);
        return new MigrationDiscovery(dir).discover(dir, new FlywayLayout(), true);
    }

    private static String output(String... command) throws java.io.IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + " failed");
        return out;
    }

    @Test
    void statementsSqliteRunsAreNotCalledErrors(@TempDir Path work) throws Exception {
        MigrationSet set = discover("sqlite");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + work.resolve("features.db"))) {
            List<String> refused = new ArrayList<>();
            for (Migration migration : set.migrations()) {
                refused.addAll(run(connection, migration.forward(), Dialect.SQLITE));
            }
            assertEquals(List.of(), refused, "the fixtures must be valid SQLite");
        }
        assertEquals(List.of(), refusals(set, Dialect.SQLITE));
    }

    /**
     * {@code postgresql-rollbacks}: two rollbacks are wrong (6 writes a view back as pg_dump prints it, but with
     * another constant; 7 leaves a column behind); {@code postgresql-exact-rollbacks}: every
     * rollback restores the schema, though some write their views again in other words (20 as pg_dump prints them)
     * and others drop what serial and identity columns, extensions and triggers brought.
     */
    @ParameterizedTest
    @CsvSource({"postgresql-rollbacks, 6 7", "postgresql-exact-rollbacks, ''"})
    void rollbackNotInverseFiresExactlyWherePostgresqlDisagrees(String folder, String wrong) throws Exception {
        MigrationSet set = discover(folder);
        Set<String> differ = new TreeSet<>();
        try (ScratchDatabases.Scratch database = scratch(); Connection connection = connect(database)) {
            String owner = ScratchDatabases.postgresSuperuser();
            for (Migration migration : set.migrations()) {
                String before = RollbackAgreementTest.pgDump(database.name(), owner);
                assertEquals(List.of(), run(connection, migration.forward(), Dialect.POSTGRESQL), migration.id());
                assertEquals(List.of(), run(connection, migration.rollback().orElseThrow(), Dialect.POSTGRESQL), migration.id());
                if (!before.equals(RollbackAgreementTest.pgDump(database.name(), owner))) {
                    differ.add(migration.id());
                }
                List<String> again = run(connection, migration.forward(), Dialect.POSTGRESQL);
                if (!again.isEmpty()) {
                    assertTrue(differ.contains(migration.id()), migration.id() + ": " + again);
                    break; // the forward script cannot run again on what its rollback left; it is the last one
                }
            }
        }
        assertEquals(wrong.isEmpty() ? Set.of() : Set.of(wrong.split(" ")), differ,
                "PostgreSQL: the fixture's wrong rollbacks");
        assertEquals(List.of(), refusals(set, Dialect.POSTGRESQL));
        Set<String> flagged = new TreeSet<>();
        for (Finding finding : validate(set, Dialect.POSTGRESQL)) {
            if (finding.rule().equals("rollback-not-inverse")) {
                flagged.add(finding.file().replaceAll("(.*/)?U(\\d+)__.*", "$2"));
            }
        }
        assertEquals(differ, flagged);
    }

    private static MigrationSet discover(String folder) {
        Path dir = FEATURES.resolve(folder).toAbsolutePath();
        return new MigrationDiscovery(dir).discover(dir, new FlywayLayout(), true);
    }

    private static List<Finding> validate(MigrationSet set, Dialect dialect) {
        return new Validator(Map.of()).validate(set, List.of(DialectTarget.latest(dialect)), Optional.empty(),
                "migrations.sum").findings();
    }

    private static List<String> refusals(MigrationSet set, Dialect dialect) {
        return validate(set, dialect).stream().filter(finding -> REFUSING.contains(finding.rule()))
                .map(finding -> finding.file().replaceAll(".*/", "") + ":" + finding.start().line() + " "
                        + finding.rule() + ": " + finding.message()).toList();
    }

    private static ScratchDatabases.Scratch scratch() {
        return ScratchDatabases.postgres().droppedThrough(ScratchDatabases.postgresSuperuserAdminUrl());
    }

    private static Connection connect(ScratchDatabases.Scratch database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database.name() + "?user="
                + ScratchDatabases.postgresSuperuser());
    }

    /**
     * Runs a script statement by statement, as a runner outside a transaction; returns what the server refused. A
     * PostgreSQL script starts on the default search path, as the validator reads it.
     */
    private static List<String> run(Connection connection, Script script, Dialect dialect) throws SQLException {
        connection.setAutoCommit(true);
        if (dialect == Dialect.POSTGRESQL) {
            try (Statement reset = connection.createStatement()) {
                reset.execute("RESET search_path");
            }
        }
        List<String> refused = new ArrayList<>();
        List<SqlStatement> statements = new SqlSplitter(dialect).split(script.file().text(), script.from(),
                script.to(), script.file().lines()).statements();
        for (SqlStatement statement : statements) {
            try (Statement jdbc = connection.createStatement()) {
                jdbc.execute(statement.text());
            } catch (SQLException e) {
                refused.add(script.file().path().getFileName() + ":" + statement.start().line() + " " + e.getMessage());
            }
        }
        return refused;
    }
}
