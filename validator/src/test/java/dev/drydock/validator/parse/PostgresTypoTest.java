package dev.drydock.validator.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.LineMap;
import dev.drydock.shared.sql.SqlSplitter;
import dev.drydock.shared.sql.SqlStatement;
import dev.drydock.shared.testing.ScratchDatabases;
import dev.drydock.validator.CliRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Typos PostgreSQL rejects (src/test/resources/typos/postgresql.sql), each in its own migration file: the local
 * server rejects each with SQLSTATE 42601, and the validator flags exactly one {@code syntax-error}, at the line
 * the server names.
 */
class PostgresTypoTest {

    private static final String HEADER = "-- a migration with a typo\n-- (PostgresTypoTest)\n";

    record Case(String name, String sql) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static ScratchDatabases.Scratch database;
    private static Connection connection;

    @TempDir
    Path work;

    @BeforeAll
    static void connect() throws SQLException {
        database = ScratchDatabases.postgres();
        connection = database.connect();
        connection.setAutoCommit(false);
    }

    @AfterAll
    static void drop() throws SQLException {
        connection.close();
        database.close();
    }

    static List<Case> cases() throws IOException {
        String text;
        try (InputStream in = PostgresTypoTest.class.getResourceAsStream("/typos/postgresql.sql")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        String[] parts = text.split("(?m)^-- case: ");
        for (int i = 1; i < parts.length; i++) {
            int newline = parts[i].indexOf('\n');
            cases.add(new Case(parts[i].substring(0, newline), parts[i].substring(newline + 1)));
        }
        return cases;
    }

    @Test
    void theSuiteHasAtLeastFortyTypos() throws IOException {
        assertTrue(cases().size() >= 40, cases().size() + " cases");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flaggedAtTheLinePostgresqlNames(Case typo) throws SQLException {
        String file = HEADER + typo.sql();
        int line = lineTheServerNames(file);
        Path folder = work.resolve("migrations");
        CliRun.write(folder, "V1__typo.sql", file);
        JsonNode report = CliRun.json("--dialect", "postgresql", folder.toString());
        assertEquals(List.of("syntax-error@V1__typo.sql:" + line), CliRun.findings(report, "syntax-error").stream()
                .map(f -> f.substring(0, f.lastIndexOf(':'))).toList(), file);
    }

    /** Runs the file's statements in a transaction that is rolled back; the line of the server's syntax error. */
    private static int lineTheServerNames(String file) throws SQLException {
        LineMap lines = new LineMap(file);
        try {
            for (SqlStatement statement : new SqlSplitter(Dialect.POSTGRESQL).split(file).statements()) {
                try (Statement jdbc = connection.createStatement()) {
                    jdbc.execute(statement.text());
                } catch (PSQLException e) {
                    assertEquals("42601", e.getSQLState(), "not a syntax error: " + e.getMessage());
                    int position = e.getServerErrorMessage().getPosition();
                    int offset = statement.startOffset() + statement.text().offsetByCodePoints(0, position - 1);
                    return lines.position(Math.min(offset, statement.endOffset())).line();
                }
            }
        } finally {
            connection.rollback();
        }
        return fail("PostgreSQL ran it:\n" + file);
    }
}
