package dev.drydock.validator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.LineMap;
import dev.drydock.shared.sql.SqlSplitter;
import dev.drydock.shared.sql.SqlStatement;
import dev.drydock.shared.testing.ScratchDatabases;
import dev.drydock.validator.CliRun;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dialect rules held against the engines that run here: for every SQLite and MariaDB case of
 * {@link AnalysisRulesTest}, the statement a dialect rule flags fails on the engine (SQLite through sqlite-jdbc,
 * MariaDB on the local server), and a case the rule leaves silent runs, on a users table that has a row.
 * MySQL 8 and D1 have no engine here.
 */
class DialectEngineAgreementTest {

    private static final Set<String> DIALECT_RULES = Set.of("dialect-unsupported", "if-not-exists-unsupported",
            "sqlite-alter-needs-rebuild", "sqlite-add-column-restriction", "sqlite-drop-column-blocked");

    @TempDir
    Path dir;

    static List<AnalysisRulesTest.Case> cases() {
        return AnalysisRulesTest.cases().stream()
                .filter(c -> DIALECT_RULES.contains(c.rule()))
                .filter(c -> c.dialect() == Dialect.SQLITE || c.dialect() == Dialect.MARIADB)
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flaggedStatementsFailAndSilentOnesRun(AnalysisRulesTest.Case c) throws Exception {
        CliRun.write(dir, "V1__users.sql", users(c.dialect()));
        CliRun.write(dir, "U1__users.sql", "DROP TABLE users;");
        CliRun.write(dir, "V2__change.sql", c.forward());
        CliRun.write(dir, "U2__change.sql", c.rollback());
        JsonNode report = CliRun.json("--dialect", c.dialect().id(), dir.toString());
        List<Integer> flaggedLines = new ArrayList<>();
        for (JsonNode finding : report.get("findings")) {
            if (finding.get("rule").asText().equals(c.rule()) && finding.get("file").asText().endsWith("V2__change.sql")) {
                flaggedLines.add(finding.get("line").asInt());
            }
        }
        assertEquals(c.fires(), !flaggedLines.isEmpty(), c + ": " + CliRun.findings(report));
        List<String> failed = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        if (c.dialect() == Dialect.SQLITE) {
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("engine.db"))) {
                run(connection, c, flaggedLines, failed, ran);
                if (c.forward().contains("serial")) {
                    serialIsAPlainTypeName(connection);
                    return;
                }
            }
        } else {
            try (ScratchDatabases.Scratch database = ScratchDatabases.mariadb(); Connection connection = database.connect()) {
                run(connection, c, flaggedLines, failed, ran);
            }
        }
        if (c.fires()) {
            assertFalse(failed.isEmpty(), c + ": the flagged statement ran on the engine: " + ran);
            assertTrue(ran.isEmpty(), c + ": flagged statements that ran: " + ran);
        } else {
            assertTrue(failed.isEmpty(), c + ": the engine refused what the validator accepts: " + failed);
        }
    }

    private static String users(Dialect dialect) {
        return dialect == Dialect.SQLITE ? AnalysisRulesTest.USERS.replace(" int", " integer") : AnalysisRulesTest.USERS;
    }

    /**
     * Runs V1, then V2 statement by statement; a statement on a flagged line (or, for a silent case, any
     * statement) goes into {@code failed} or {@code ran}.
     */
    private static void run(Connection connection, AnalysisRulesTest.Case c, List<Integer> flaggedLines,
                            List<String> failed, List<String> ran) throws SQLException {
        Dialect lexing = c.dialect();
        try (Statement statement = connection.createStatement()) {
            statement.execute(users(c.dialect()));
            // Migrations run on tables with rows, and some of SQLite's refusals only show then.
            statement.execute("INSERT INTO users (id, name, email, age) VALUES (1000, 'a', 'a@example.org', 30)");
        }
        String text = c.forward();
        for (SqlStatement sql : new SqlSplitter(lexing).split(text, 0, text.length(), new LineMap(text)).statements()) {
            boolean watched = !c.fires() || flaggedLines.stream()
                    .anyMatch(line -> line >= sql.start().line() && line <= sql.end().line());
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql.text());
                if (watched) {
                    ran.add(sql.text());
                }
            } catch (SQLException e) {
                if (watched) {
                    failed.add(sql.text() + " -> " + e.getMessage());
                }
            }
        }
    }

    /** SQLite takes SERIAL as a type name: the statement runs, but the column is never filled in. */
    private static void serialIsAPlainTypeName(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE serial_probe (id serial PRIMARY KEY, x text)");
            statement.execute("INSERT INTO serial_probe (x) VALUES ('a')");
            try (ResultSet rows = statement.executeQuery("SELECT id FROM serial_probe")) {
                assertTrue(rows.next());
                assertEquals(null, rows.getObject(1), "SERIAL filled the column in on SQLite");
            }
        }
    }
}
