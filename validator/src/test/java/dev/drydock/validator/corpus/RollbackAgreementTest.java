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
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code rollback-not-inverse} held against the real databases: for every migration with a rollback, the forward
 * script runs on the real engine, then the rollback on a copy, and the copy's schema is compared with the schema
 * before the forward script (PostgreSQL: {@code pg_dump --schema-only}, normalized; SQLite: its catalog). Where
 * they differ, the validator must say so, and only there: precision of at least 0.98 and recall of at least 0.95 per corpus. The
 * figures and every disagreement go to {@code target/agreement/}, and into docs/performance.md. The corpora share
 * nothing (a scratch database or file and a config file each), so they run two at a time.
 */
@Execution(ExecutionMode.CONCURRENT)
class RollbackAgreementTest {

    /**
     * Standard output as it was when the class loaded: this class runs beside others, some of which swap System.out
     * to capture a command's output (CliRun), and a summary printed then would land in their capture.
     */
    private static final java.io.PrintStream CONSOLE = System.out;

    @TempDir
    static Path work;

    /**
     * kratos' PostgreSQL set (278 rollbacks, about half of this test's time on a two-core machine with pg_dump at a
     * quarter second a call) runs only with {@code -Ddrydock.agreement.all=true}, to keep CI within its budget;
     * docs/performance.md has its figures.
     */
    static List<CorpusSet> postgresCorpora() {
        Set<String> names = Boolean.getBoolean("drydock.agreement.all") ? Set.of("concourse", "harness-pg", "kratos-pg")
                : Set.of("concourse", "harness-pg");
        return CorpusSet.all().stream().filter(c -> names.contains(c.name())).toList();
    }

    static List<CorpusSet> sqliteCorpora() {
        return CorpusSet.all().stream().filter(c -> Set.of("harness-sqlite", "kratos-sqlite").contains(c.name())).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postgresCorpora")
    void rollbackNotInverseFiresWherePostgresqlDisagrees(CorpusSet corpus) throws Exception {
        MigrationSet set = corpus.discover(work);
        Map<String, String> real = new TreeMap<>();
        Set<String> refused = new TreeSet<>();
        String owner = ScratchDatabases.postgresSuperuser();
        String ownerAdmin = ScratchDatabases.postgresSuperuserAdminUrl();
        ScratchDatabases.Scratch database = ScratchDatabases.postgres().droppedThrough(ownerAdmin);
        try {
            String before = pgDump(database.name(), owner);
            List<Migration> applied = new ArrayList<>();
            for (Migration migration : set.migrations()) {
                applied.add(migration);
                run(asUser(database, owner), migration.forward(), Dialect.POSTGRESQL);
                String after = pgDump(database.name(), owner);
                if (migration.rollback().isPresent()) {
                    // Roll back in place and go forward again: cheaper than copying the database for each
                    // rollback. Where that does not lead back to the same schema, the database is rebuilt.
                    refused.addAll(run(asUser(database, owner), migration.rollback().get(), Dialect.POSTGRESQL));
                    String undone = pgDump(database.name(), owner);
                    real.put(migration.id(), difference(before, undone));
                    run(asUser(database, owner), migration.forward(), Dialect.POSTGRESQL);
                    // a rollback that restored the schema exactly leaves the forward script where it first ran
                    if (!undone.equals(before) && !pgDump(database.name(), owner).equals(after)) {
                        database.close();
                        database = ScratchDatabases.postgres().droppedThrough(ownerAdmin);
                        for (Migration again : applied) {
                            run(asUser(database, owner), again.forward(), Dialect.POSTGRESQL);
                        }
                    }
                }
                before = after;
            }
        } finally {
            database.close();
        }
        judge(corpus, set, Dialect.POSTGRESQL, real, refused);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sqliteCorpora")
    void rollbackNotInverseFiresWhereSqliteDisagrees(CorpusSet corpus) throws Exception {
        MigrationSet set = corpus.discover(work);
        Map<String, String> real = new TreeMap<>();
        Path database = work.resolve(corpus.name() + ".db");
        Path copy = work.resolve(corpus.name() + "-copy.db");
        String before = sqliteSchema(database);
        for (Migration migration : set.migrations()) {
            run(() -> DriverManager.getConnection("jdbc:sqlite:" + database), migration.forward(), Dialect.SQLITE);
            String after = sqliteSchema(database);
            if (migration.rollback().isPresent()) {
                Files.copy(database, copy, StandardCopyOption.REPLACE_EXISTING);
                run(() -> DriverManager.getConnection("jdbc:sqlite:" + copy), migration.rollback().get(), Dialect.SQLITE);
                real.put(migration.id(), difference(before, sqliteSchema(copy)));
            }
            before = after;
        }
        judge(corpus, set, Dialect.SQLITE, real, null);
    }

    /**
     * Compares the real verdicts ({@code real}: migration id to the schema difference, empty when none) with the
     * validator's; where {@code refused} is given (the lines of the rollback statements the database refused),
     * every finding of {@code REFUSAL_RULES} in a rollback must be on one of them.
     */
    /** The rules that say PostgreSQL refuses a statement for what the schema holds, held to the rollbacks it ran. */
    private static final Set<String> REFUSAL_RULES = Set.of("dependent-objects", "type-change-without-using",
            "foreign-key-type-mismatch");

    private static void judge(CorpusSet corpus, MigrationSet set, Dialect dialect, Map<String, String> real,
                              Set<String> refused) throws IOException {
        List<Finding> findings = new Validator(Map.of()).validate(set, List.of(DialectTarget.latest(dialect)),
                Optional.empty(), "migrations.sum").findings();
        if (refused != null) {
            Set<String> rollbackFiles = set.migrations().stream().flatMap(m -> m.rollback().stream())
                    .map(Script::displayPath).collect(Collectors.toSet());
            Set<String> refusals = findings.stream().filter(f -> REFUSAL_RULES.contains(f.rule())
                    && rollbackFiles.contains(f.file())).map(f -> f.file() + ":" + f.start().line())
                    .collect(Collectors.toCollection(TreeSet::new));
            refusals.removeAll(refused);
            assertEquals(Set.of(), refusals, corpus + ": " + REFUSAL_RULES + " on rollback statements PostgreSQL ran");
        }
        Map<String, String> predicted = new TreeMap<>();
        for (Migration migration : set.migrations()) {
            migration.rollback().ifPresent(rollback -> findings.stream()
                    .filter(f -> f.rule().equals("rollback-not-inverse") && f.file().equals(rollback.displayPath()))
                    .findFirst().ifPresent(f -> predicted.put(migration.id(), f.message())));
        }
        Set<String> realPositives = real.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> truePositives = new TreeSet<>(realPositives);
        truePositives.retainAll(predicted.keySet());
        Set<String> falsePositives = new TreeSet<>(predicted.keySet());
        falsePositives.removeAll(realPositives);
        Set<String> falseNegatives = new TreeSet<>(realPositives);
        falseNegatives.removeAll(predicted.keySet());
        double precision = predicted.isEmpty() ? 1.0 : (double) truePositives.size() / predicted.size();
        double recall = realPositives.isEmpty() ? 1.0 : (double) truePositives.size() / realPositives.size();
        String summary = String.format(Locale.ROOT, "%s: %d rollbacks, %d differ on %s, %d flagged: TP %d, FP %d, FN %d,"
                        + " precision %.3f, recall %.3f", corpus, real.size(), realPositives.size(), dialect.id(),
                predicted.size(), truePositives.size(), falsePositives.size(), falseNegatives.size(), precision, recall);
        StringBuilder report = new StringBuilder(summary).append("\n\n");
        falsePositives.forEach(id -> report.append("FP ").append(id).append(": ").append(predicted.get(id)).append("\n\n"));
        falseNegatives.forEach(id -> report.append("FN ").append(id).append(": ").append(real.get(id)).append("\n\n"));
        Path out = Path.of("target", "agreement", "rollback-" + corpus.name() + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        CONSOLE.println(summary);
        assertTrue(real.size() > 20, corpus + " has only " + real.size() + " rollbacks");
        assertTrue(precision >= 0.98 && recall >= 0.95, summary + "; see " + out.toAbsolutePath());
    }

    private static ConnectionSource asUser(ScratchDatabases.Scratch database, String user) {
        return () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database.name() + "?user=" + user);
    }

    private interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /**
     * Runs a script statement by statement, as a runner without a transaction would; a failing statement is skipped.
     * Returns the lines of the statements the database refused, as "file:line".
     */
    private static Set<String> run(ConnectionSource source, Script script, Dialect dialect) throws SQLException {
        List<SqlStatement> statements = new SqlSplitter(dialect).split(script.file().text(), script.from(), script.to(),
                script.file().lines()).statements();
        Set<String> refusedHere = new TreeSet<>();
        try (Connection connection = source.open()) {
            connection.setAutoCommit(true);
            for (SqlStatement statement : statements) {
                try (Statement jdbc = connection.createStatement()) {
                    jdbc.execute(statement.text());
                } catch (SQLException e) {
                    // Each statement is atomic here (autocommit), so a second try runs on the same schema: what the
                    // database refuses it refuses again. What succeeds then had met the corpus running beside this
                    // one (a deadlock, a concurrent catalog update, a CREATE EXTENSION that lost a race), which says
                    // nothing of the statement; what still fails is refused, and the schema is whatever the other
                    // statements made.
                    try (Statement again = connection.createStatement()) {
                        again.execute(statement.text());
                    } catch (SQLException refused) {
                        for (int line = statement.start().line(); line <= statement.end().line(); line++) {
                            refusedHere.add(script.displayPath() + ":" + line);
                        }
                    }
                }
            }
        }
        return refusedHere;
    }

    /** The lines only one of the two schemas has, or empty when they agree. */
    private static String difference(String expected, String actual) {
        Set<String> missing = new TreeSet<>(List.of(expected.split("\n")));
        Set<String> extra = new TreeSet<>(List.of(actual.split("\n")));
        Set<String> common = new TreeSet<>(missing);
        common.retainAll(extra);
        missing.removeAll(common);
        extra.removeAll(common);
        if (missing.isEmpty() && extra.isEmpty()) {
            return "";
        }
        return "missing after rollback: " + missing + " / left behind: " + extra;
    }

    /**
     * {@code pg_dump --schema-only} without owners and privileges, one statement per line, sorted, with the columns
     * of each CREATE TABLE sorted too: column order is not compared.
     */
    static String pgDump(String database, String user) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pg_dump", "--schema-only", "--no-owner", "--no-privileges",
                "-h", "127.0.0.1", "-U", user, database).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dump = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pg_dump " + database + " failed");
        }
        StringBuilder kept = new StringBuilder();
        for (String line : dump.split("\n")) {
            if (line.isBlank() || line.startsWith("--") || line.startsWith("SET ") || line.startsWith("\\")
                    || line.startsWith("SELECT pg_catalog.set_config")) {
                continue;
            }
            kept.append(line).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (String statement : kept.toString().split(";\n")) {
            String text = statement.strip();
            int open = text.indexOf("(\n");
            int close = text.lastIndexOf("\n)");
            if (text.startsWith("CREATE TABLE") && open > 0 && close > open + 1) {
                List<String> columns = new ArrayList<>();
                for (String column : text.substring(open + 2, close).split("\n")) {
                    columns.add(column.strip().replaceAll(",$", ""));
                }
                columns.sort(null);
                text = text.substring(0, open) + "(" + String.join(", ", columns) + ")" + text.substring(close + 2);
            }
            statements.add(text.replace('\n', ' '));
        }
        statements.sort(null);
        return String.join("\n", statements);
    }

    /** SQLite's schema from its catalog: columns (sorted), foreign keys, indexes by what they cover, views and triggers. */
    static String sqliteSchema(Path file) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            List<String[]> objects = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master"
                    + " WHERE name NOT LIKE 'sqlite_%'")) {
                while (rows.next()) {
                    objects.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)});
                }
            }
            for (String[] object : objects) {
                String type = object[0];
                String name = object[1];
                if (type.equals("table")) {
                    lines.add("table " + name);
                    query(statement, "PRAGMA table_info(\"" + name + "\")", row -> "column " + name + "." + row.getString(2)
                            + " " + String.valueOf(row.getString(3)).toUpperCase(Locale.ROOT) + " notnull=" + row.getInt(4)
                            + " default=" + row.getString(5) + " pk=" + row.getInt(6), lines);
                    query(statement, "PRAGMA foreign_key_list(\"" + name + "\")", row -> "fk " + name + "." + row.getString(4)
                            + " -> " + row.getString(3) + "." + row.getString(5) + " on delete " + row.getString(7), lines);
                    List<String[]> indexes = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery("PRAGMA index_list(\"" + name + "\")")) {
                        while (rows.next()) {
                            indexes.add(new String[] {rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5)});
                        }
                    }
                    for (String[] index : indexes) {
                        List<String> columns = new ArrayList<>();
                        query(statement, "PRAGMA index_info(\"" + index[0] + "\")", row -> String.valueOf(row.getString(3)),
                                columns);
                        String label = index[2].equals("c") ? "index " + index[0] : "key";
                        lines.add(label + " on " + name + " " + columns + " unique=" + index[1] + " partial=" + index[3]);
                    }
                } else if (!type.equals("index")) {
                    lines.add(type + " " + name + " " + String.valueOf(object[3]).replaceAll("\\s+", " "));
                }
            }
        }
        lines.sort(null);
        return String.join("\n", lines);
    }

    private interface Row {
        String read(ResultSet row) throws SQLException;
    }

    private static void query(Statement statement, String sql, Row row, List<String> into) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                into.add(row.read(rows));
            }
        }
    }
}
