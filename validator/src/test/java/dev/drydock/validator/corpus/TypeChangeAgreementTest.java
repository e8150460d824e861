package dev.drydock.validator.corpus;

import dev.drydock.shared.migration.FlywayLayout;
import dev.drydock.shared.migration.MigrationDiscovery;
import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.testing.ScratchDatabases;
import dev.drydock.validator.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code type-change-without-using} held to PostgreSQL: every {@code ALTER COLUMN ... TYPE} without USING between
 * the built-in types the rule knows, and a few it does not (an enum, a domain, an array), runs on the local server
 * statement by statement; the rule must fire on exactly the statements between known types that the server refuses,
 * and on no statement it runs.
 */
class TypeChangeAgreementTest {

    private static final List<String> KNOWN = List.of("smallint", "integer", "bigint", "numeric(10,2)", "real",
            "double precision", "text", "varchar(40)", "char(10)", "boolean", "uuid", "json", "jsonb", "date",
            "timestamp", "timestamptz", "time", "interval", "bytea", "inet", "money", "xml");
    private static final List<String> UNKNOWN = List.of("mood", "short_text", "integer[]");

    @Test
    void firesExactlyWherePostgresqlRefusesAndNeverWhereItRuns(@TempDir Path dir) throws Exception {
        List<String> types = new ArrayList<>(KNOWN);
        types.addAll(UNKNOWN);
        StringBuilder schema = new StringBuilder("CREATE TYPE mood AS ENUM ('ok');\n"
                + "CREATE DOMAIN short_text AS text CHECK (length(VALUE) < 10);\n");
        List<String> changes = new ArrayList<>();
        Set<Integer> knownLines = new TreeSet<>();
        for (int from = 0; from < types.size(); from++) {
            List<String> columns = new ArrayList<>();
            for (int to = 0; to < types.size(); to++) {
                if (from != to) {
                    columns.add("c" + to + " " + types.get(from));
                    changes.add("ALTER TABLE t" + from + " ALTER COLUMN c" + to + " TYPE " + types.get(to) + ";");
                    if (from < KNOWN.size() && to < KNOWN.size()) {
                        knownLines.add(changes.size());
                    }
                }
            }
            schema.append("CREATE TABLE t").append(from).append(" (").append(String.join(", ", columns)).append(");\n");
        }
        Files.writeString(dir.resolve("V1__types.sql"), schema);
        Files.writeString(dir.resolve("V2__changes.sql"), String.join("\n", changes) + "\n");

        Set<Integer> refused = new TreeSet<>();
        try (ScratchDatabases.Scratch database = ScratchDatabases.postgres(); Connection connection = database.connect()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute(schema.toString());
            }
            for (int line = 1; line <= changes.size(); line++) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(changes.get(line - 1));
                } catch (SQLException e) {
                    refused.add(line);
                }
            }
        }
        MigrationSet set = new MigrationDiscovery(dir).discover(dir, new FlywayLayout(), true);
        Set<Integer> flagged = new Validator(Map.of()).validate(set, List.of(DialectTarget.latest(Dialect.POSTGRESQL)),
                        Optional.empty(), "migrations.sum").findings().stream()
                .filter(finding -> finding.rule().equals("type-change-without-using"))
                .map(finding -> finding.start().line()).collect(Collectors.toCollection(TreeSet::new));

        Set<Integer> refusedBetweenKnown = new TreeSet<>(refused);
        refusedBetweenKnown.retainAll(knownLines);
        assertTrue(refusedBetweenKnown.size() > 200, "PostgreSQL refuses most pairs: " + refusedBetweenKnown.size());
        assertEquals(describe(refusedBetweenKnown, changes), describe(flagged, changes));
        assertTrue(refused.containsAll(flagged), "flagged statements PostgreSQL ran");
    }

    private static List<String> describe(Set<Integer> lines, List<String> changes) {
        return lines.stream().map(line -> line + ": " + changes.get(line - 1)).toList();
    }
}
