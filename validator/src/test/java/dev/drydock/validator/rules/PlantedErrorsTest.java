package dev.drydock.validator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlSplitter;
import dev.drydock.shared.sql.SqlStatement;
import dev.drydock.shared.testing.ScratchDatabases;
import dev.drydock.validator.CliRun;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Migrations with a planted error, on PostgreSQL, MariaDB and SQLite: data statements
 * (src/test/resources/planted/data-errors.sql) and declarations the database refuses as they stand
 * (planted/definition-errors.sql). Each runs on its real engine, which must refuse the planted statement, and the
 * validator must flag it with the expected rule at its line. A case planted with no error ({@code none}) must run on
 * the engine, and the validator must report no error of it.
 */
class PlantedErrorsTest {

    record Case(String engine, String rule, String name, String schema, String data) {
        @Override
        public String toString() {
            return engine + " " + rule + ": " + name;
        }

        Dialect dialect() {
            return Dialect.fromId(engine).orElseThrow();
        }
    }

    @TempDir
    Path work;

    static List<Case> dataCases() throws IOException {
        return read("/planted/data-errors.sql");
    }

    static List<Case> definitionCases() throws IOException {
        return read("/planted/definition-errors.sql");
    }

    private static List<Case> read(String resource) throws IOException {
        String text;
        try (InputStream in = PlantedErrorsTest.class.getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        String[] parts = text.split("(?m)^-- case: ");
        for (int i = 1; i < parts.length; i++) {
            int newline = parts[i].indexOf('\n');
            String[] title = parts[i].substring(0, newline).split(" ", 3);
            String[] sql = parts[i].substring(newline + 1).split("(?m)^-- V2\n", 2);
            cases.add(new Case(title[0], title[1], title[2], sql[0], sql[1]));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dataCases")
    void plantedDataErrors(Case planted) throws Exception {
        judged(planted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definitionCases")
    void plantedDefinitionErrors(Case planted) throws Exception {
        judged(planted);
    }

    private void judged(Case planted) throws Exception {
        if (planted.rule().equals("none")) {
            theEngineRunsItAndTheValidatorIsSilent(planted);
        } else {
            theEngineRefusesItAndTheValidatorSaysWhy(planted);
        }
    }

    private void theEngineRunsItAndTheValidatorIsSilent(Case planted) throws Exception {
        onTheEngine(planted, (connection, schema, data) -> {
            try (Statement statement = connection.createStatement()) {
                for (SqlStatement sql : schema) {
                    statement.execute(sql.text());
                }
                for (SqlStatement sql : data) {
                    statement.execute(sql.text());
                }
            }
        });
        Path folder = work.resolve("migrations");
        CliRun.write(folder, "V1__schema.sql", planted.schema());
        CliRun.write(folder, "V2__data.sql", planted.data());
        JsonNode report = CliRun.json("--dialect", planted.engine(), folder.toString());
        List<String> errors = new ArrayList<>();
        for (JsonNode finding : report.get("findings")) {
            if (finding.get("severity").asText().equals("error") && finding.get("file").asText().endsWith("V2__data.sql")
                    && !finding.get("rule").asText().equals("rollback-missing")) {
                errors.add(finding.get("rule").asText() + ": " + finding.get("message").asText());
            }
        }
        assertTrue(errors.isEmpty(), "the engine ran it, yet: " + errors);
    }

    private void theEngineRefusesItAndTheValidatorSaysWhy(Case planted) throws Exception {
        SqlStatement bad = refusedByTheEngine(planted);
        Path folder = work.resolve("migrations");
        CliRun.write(folder, "V1__schema.sql", planted.schema());
        CliRun.write(folder, "V2__data.sql", planted.data());
        JsonNode report = CliRun.json("--dialect", planted.engine(), folder.toString());
        List<String> found = CliRun.findings(report, planted.rule());
        String expected = planted.rule() + "@V2__data.sql:" + bad.start().line() + ":";
        assertTrue(found.stream().anyMatch(f -> f.startsWith(expected) || lineWithin(f, planted.rule(), bad)),
                "expected " + expected + " in " + CliRun.findings(report));
    }

    private static boolean lineWithin(String finding, String rule, SqlStatement statement) {
        String prefix = rule + "@V2__data.sql:";
        if (!finding.startsWith(prefix)) {
            return false;
        }
        int line = Integer.parseInt(finding.substring(prefix.length()).split(":")[0]);
        return line >= statement.start().line() && line <= statement.end().line();
    }

    /** Runs the schema and the data statements on the engine; the last data statement must be refused. */
    private SqlStatement refusedByTheEngine(Case planted) throws Exception {
        List<SqlStatement> data = new SqlSplitter(planted.dialect()).split(planted.data()).statements();
        SqlStatement bad = data.get(data.size() - 1);
        onTheEngine(planted, (connection, schema, statements) -> run(connection, schema, statements, bad));
        return bad;
    }

    /** What a case does on a fresh database of its engine, given its schema and data statements. */
    private interface EngineRun {
        void run(Connection connection, List<SqlStatement> schema, List<SqlStatement> data) throws SQLException;
    }

    private void onTheEngine(Case planted, EngineRun run) throws Exception {
        Dialect dialect = planted.dialect();
        List<SqlStatement> schema = new SqlSplitter(dialect).split(planted.schema()).statements();
        List<SqlStatement> data = new SqlSplitter(dialect).split(planted.data()).statements();
        switch (dialect) {
            case POSTGRESQL -> {
                try (ScratchDatabases.Scratch database = ScratchDatabases.postgres(); Connection c = database.connect()) {
                    run.run(c, schema, data);
                }
            }
            case MARIADB -> {
                try (ScratchDatabases.Scratch database = ScratchDatabases.mariadb(); Connection c = database.connect()) {
                    run.run(c, schema, data);
                }
            }
            default -> {
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + work.resolve("engine.db"))) {
                    run.run(c, schema, data);
                }
            }
        }
    }

    private static void run(Connection connection, List<SqlStatement> schema, List<SqlStatement> data, SqlStatement bad)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (SqlStatement sql : schema) {
                statement.execute(sql.text());
            }
            for (SqlStatement sql : data.subList(0, data.size() - 1)) {
                statement.execute(sql.text());
            }
            try {
                statement.execute(bad.text());
            } catch (SQLException refused) {
                return;
            }
        }
        fail("the engine ran the planted statement: " + bad.text());
    }
}
