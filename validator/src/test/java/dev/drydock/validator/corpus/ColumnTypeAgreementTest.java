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
 * The rules that judge two column types held to PostgreSQL, for every pair of the built-in types they know and a
 * few they do not (an enum, a domain, an array): each statement runs on the local server on its own, and the rule
 * must fire on exactly the statements between known types that the server refuses, and on no statement it runs.
 * {@code type-change-without-using}: {@code ALTER COLUMN ... TYPE} without USING; {@code foreign-key-type-mismatch}:
 * {@code ADD FOREIGN KEY} from a column of one type onto a key of the other, on PostgreSQL and on MariaDB;
 * {@code unknown-object} for {@code CREATE INDEX ... USING method (column)} without an operator class, for every
 * type and btree, hash, gin, gist and brin.
 */
class ColumnTypeAgreementTest {

    private static final List<String> KNOWN = List.of("smallint", "integer", "bigint", "numeric(10,2)", "real",
            "double precision", "text", "varchar(40)", "char(10)", "boolean", "uuid", "json", "jsonb", "date",
            "timestamp", "timestamptz", "time", "interval", "bytea", "inet", "money", "xml");
    private static final List<String> UNKNOWN = List.of("mood", "short_text", "integer[]");

    @Test
    void typeChangeWithoutUsingFiresExactlyWherePostgresqlRefuses(@TempDir Path dir) throws Exception {
        List<String> types = types();
        StringBuilder schema = new StringBuilder(TYPES);
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
        agree(dir, "type-change-without-using", schema.toString(), changes, knownLines);
    }

    @Test
    void foreignKeyTypeMismatchFiresExactlyWherePostgresqlRefuses(@TempDir Path dir) throws Exception {
        List<String> types = types();
        types.remove("xml"); // no equality operator: it cannot be a key
        types.remove("json");
        Set<String> known = new java.util.HashSet<>(KNOWN);
        known.remove("jsonb"); // a key, but foreign-key-type-mismatch does not judge it
        Matrix keys = foreignKeys(TYPES, types, known::contains);
        agree(dir, "foreign-key-type-mismatch", keys.schema(), keys.statements(), keys.knownLines());
    }

    @Test
    void foreignKeyTypeMismatchFiresExactlyWhereMariadbRefuses(@TempDir Path dir) throws Exception {
        List<String> known = List.of("tinyint", "smallint", "mediumint", "int", "int unsigned", "integer unsigned",
                "bigint", "bigint unsigned", "varchar(20)", "char(40)");
        List<String> types = new ArrayList<>(known);
        types.addAll(List.of("decimal(10,2)", "date", "datetime", "binary(16)"));
        Matrix keys = foreignKeys("", types, known::contains);
        agree(dir, Dialect.MARIADB, "foreign-key-type-mismatch", keys.schema(), keys.statements(), keys.knownLines());
    }

    /** A schema and one statement a line, with the lines between types the rule judges. */
    private record Matrix(String schema, List<String> statements, Set<Integer> knownLines) {
    }

    /** A key table per type and a column of every type onto each: one ADD FOREIGN KEY per pair. */
    private static Matrix foreignKeys(String prelude, List<String> types, java.util.function.Predicate<String> known) {
        StringBuilder schema = new StringBuilder(prelude);
        List<String> keys = new ArrayList<>();
        Set<Integer> knownLines = new TreeSet<>();
        for (int to = 0; to < types.size(); to++) {
            schema.append("CREATE TABLE p").append(to).append(" (k ").append(types.get(to)).append(" PRIMARY KEY);\n");
        }
        for (int from = 0; from < types.size(); from++) {
            List<String> columns = new ArrayList<>();
            for (int to = 0; to < types.size(); to++) {
                columns.add("r" + to + " " + types.get(from));
                keys.add("ALTER TABLE c" + from + " ADD FOREIGN KEY (r" + to + ") REFERENCES p" + to + " (k);");
                if (known.test(types.get(from)) && known.test(types.get(to))) {
                    knownLines.add(keys.size());
                }
            }
            schema.append("CREATE TABLE c").append(from).append(" (").append(String.join(", ", columns)).append(");\n");
        }
        return new Matrix(schema.toString(), keys, knownLines);
    }

    @Test
    void missingOperatorClassFiresExactlyWherePostgresqlRefuses(@TempDir Path dir) throws Exception {
        List<String> types = new ArrayList<>(List.of("smallint", "integer", "bigint", "numeric(10,2)", "real",
                "double precision", "text", "varchar(40)", "char(10)", "boolean", "uuid", "json", "jsonb", "date",
                "timestamp", "timestamptz", "time", "interval", "bytea", "inet", "money", "xml", "tsvector", "text[]",
                "integer[]", "point", "int4range"));
        int known = types.size();
        types.addAll(List.of("mood", "short_text")); // an enum and a domain: never judged
        List<String> methods = List.of("btree", "hash", "gin", "gist", "brin");
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            columns.add("c" + i + " " + types.get(i));
        }
        String schema = TYPES + "CREATE TABLE t (" + String.join(", ", columns) + ");\n";
        List<String> indexes = new ArrayList<>();
        Set<Integer> knownLines = new TreeSet<>();
        for (int i = 0; i < types.size(); i++) {
            for (String method : methods) {
                indexes.add("CREATE INDEX ON t USING " + method + " (c" + i + ");");
                if (i < known) {
                    knownLines.add(indexes.size());
                }
            }
        }
        agree(dir, Dialect.POSTGRESQL, "unknown-object", schema, indexes, knownLines);
    }

    private static final String TYPES = "CREATE TYPE mood AS ENUM ('ok');\n"
            + "CREATE DOMAIN short_text AS text CHECK (length(VALUE) < 10);\n";

    private static List<String> types() {
        List<String> types = new ArrayList<>(KNOWN);
        types.addAll(UNKNOWN);
        return types;
    }

    /**
     * Runs the schema, then each statement on its own, on PostgreSQL; validates the two as migrations V1 and V2; the
     * rule must be on exactly the statements between known types PostgreSQL refused, and on none it ran.
     */
    private static void agree(Path dir, String rule, String schema, List<String> changes, Set<Integer> knownLines)
            throws Exception {
        agree(dir, Dialect.POSTGRESQL, rule, schema, changes, knownLines);
    }

    private static void agree(Path dir, Dialect dialect, String rule, String schema, List<String> changes,
                              Set<Integer> knownLines) throws Exception {
        Files.writeString(dir.resolve("V1__types.sql"), schema);
        Files.writeString(dir.resolve("V2__changes.sql"), String.join("\n", changes) + "\n");

        Set<Integer> refused = new TreeSet<>();
        try (ScratchDatabases.Scratch database = dialect == Dialect.POSTGRESQL ? ScratchDatabases.postgres()
                : ScratchDatabases.mariadb(); Connection connection = database.connect()) {
            connection.setAutoCommit(true);
            for (String create : schema.split("\n")) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(create);
                }
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
        Set<Integer> flagged = new Validator(Map.of()).validate(set, List.of(DialectTarget.latest(dialect)),
                        Optional.empty(), "migrations.sum").findings().stream()
                .filter(finding -> finding.rule().equals(rule) && finding.file().endsWith("V2__changes.sql"))
                .map(finding -> finding.start().line()).collect(Collectors.toCollection(TreeSet::new));

        Set<Integer> refusedBetweenKnown = new TreeSet<>(refused);
        refusedBetweenKnown.retainAll(knownLines);
        assertTrue(refusedBetweenKnown.size() > 50, "the database refuses most pairs: " + refusedBetweenKnown.size());
        assertEquals(describe(refusedBetweenKnown, changes), describe(flagged, changes));
        assertTrue(refused.containsAll(flagged), "flagged statements PostgreSQL ran");
    }

    private static List<String> describe(Set<Integer> lines, List<String> changes) {
        return lines.stream().map(line -> line + ": " + changes.get(line - 1)).toList();
    }
}
