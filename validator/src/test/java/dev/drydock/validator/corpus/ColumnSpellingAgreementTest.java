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
import java.sql.ResultSet;
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
 * A column dropped by a migration and added back by its rollback in other words: {@code rollback-not-inverse}
 * must fire exactly where the database stores the two spellings differently (its catalog's type, nullability and
 * default), and stay silent where they are one column to it. Each pair runs on the real server.
 */
class ColumnSpellingAgreementTest {

    @Test
    void postgresqlColumns(@TempDir Path dir) throws Exception {
        agree(dir, Dialect.POSTGRESQL, List.of(
                List.of("boolean NOT NULL DEFAULT false", "boolean NOT NULL DEFAULT 'f'"),
                List.of("boolean DEFAULT true", "bool DEFAULT 'yes'"),
                List.of("integer DEFAULT 0", "int4 DEFAULT '0'"),
                List.of("integer DEFAULT -1", "integer DEFAULT '-1'"),
                List.of("bigint DEFAULT 5", "int8 DEFAULT '5'"),
                List.of("smallint DEFAULT 0", "int2 DEFAULT '0'"),
                List.of("bigint DEFAULT 7", "int8 DEFAULT 7"),
                List.of("numeric(10,2) DEFAULT 0", "numeric(10,2) DEFAULT 0.00"),
                List.of("timestamp DEFAULT now()", "timestamp DEFAULT CURRENT_TIMESTAMP"),
                List.of("text DEFAULT NULL", "text"),
                List.of("text DEFAULT 'x'", "text DEFAULT 'x'::text"),
                List.of("varchar(20) DEFAULT 'a'", "character varying(20) DEFAULT 'a'::character varying"),
                List.of("jsonb DEFAULT '{}'", "jsonb DEFAULT '{}'::jsonb"),
                List.of("text[] DEFAULT '{}'", "text[] DEFAULT ARRAY[]::text[]"),
                List.of("integer DEFAULT 1", "integer DEFAULT 2")));
    }

    @Test
    void mariadbColumns(@TempDir Path dir) throws Exception {
        agree(dir, Dialect.MARIADB, List.of(
                List.of("tinyint(1) NOT NULL DEFAULT 0", "boolean NOT NULL DEFAULT false"),
                List.of("decimal(10,2) DEFAULT 0", "decimal(10,2) DEFAULT '0.00'"),
                List.of("timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP", "timestamp NOT NULL DEFAULT current_timestamp()"),
                List.of("datetime DEFAULT now()", "datetime DEFAULT CURRENT_TIMESTAMP"),
                List.of("int(11) DEFAULT NULL", "int"),
                List.of("int DEFAULT 1", "int DEFAULT '1'"),
                List.of("decimal(10,2) DEFAULT 1", "decimal(10,2) DEFAULT 2"),
                List.of("varchar(10) DEFAULT 'a'", "varchar(10) DEFAULT 'b'")));
    }

    /** Pair i is table t{i}: V1 makes it with the first spelling, V{i+1} drops the column, U{i+1} adds the second. */
    private static void agree(Path dir, Dialect dialect, List<List<String>> pairs) throws Exception {
        List<String> creates = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            creates.add("CREATE TABLE t" + i + " (id int, c " + pairs.get(i).get(0) + ");");
            tables.add("t" + i);
            Files.writeString(dir.resolve("V" + (i + 2) + "__t" + i + ".sql"), "ALTER TABLE t" + i + " DROP COLUMN c;\n");
            Files.writeString(dir.resolve("U" + (i + 2) + "__t" + i + ".sql"),
                    "ALTER TABLE t" + i + " ADD COLUMN c " + pairs.get(i).get(1) + ";\n");
        }
        Files.writeString(dir.resolve("V1__tables.sql"), String.join("\n", creates) + "\n");
        Files.writeString(dir.resolve("U1__tables.sql"), "DROP TABLE " + String.join(", ", tables) + ";\n");

        Set<Integer> storedApart = new TreeSet<>();
        try (ScratchDatabases.Scratch database = dialect == Dialect.POSTGRESQL ? ScratchDatabases.postgres()
                : ScratchDatabases.mariadb(); Connection connection = database.connect();
             Statement statement = connection.createStatement()) {
            for (int i = 0; i < pairs.size(); i++) {
                statement.execute("CREATE TABLE a" + i + " (c " + pairs.get(i).get(0) + ")");
                statement.execute("CREATE TABLE b" + i + " (c " + pairs.get(i).get(1) + ")");
                if (!catalog(statement, dialect, "a" + i).equals(catalog(statement, dialect, "b" + i))) {
                    storedApart.add(i);
                }
            }
        }
        MigrationSet set = new MigrationDiscovery(dir).discover(dir, new FlywayLayout(), true);
        Set<Integer> flagged = new Validator(Map.of()).validate(set, List.of(DialectTarget.latest(dialect)),
                        Optional.empty(), "migrations.sum").findings().stream()
                .filter(finding -> finding.rule().equals("rollback-not-inverse"))
                .map(finding -> Integer.parseInt(finding.file().replaceAll(".*U(\\d+)__.*", "$1")) - 2)
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(!storedApart.isEmpty() && storedApart.size() < pairs.size(), "some pairs differ, some do not");
        assertEquals(describe(storedApart, pairs), describe(flagged, pairs));
    }

    /** The column as the server's catalog describes it: type, nullability, default. */
    private static String catalog(Statement statement, Dialect dialect, String table) throws Exception {
        String query = dialect == Dialect.POSTGRESQL
                ? "SELECT format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid)"
                + " FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attrelid = '" + table + "'::regclass AND a.attname = 'c'"
                : "SELECT COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table + "' AND COLUMN_NAME = 'c'";
        try (ResultSet row = statement.executeQuery(query)) {
            assertTrue(row.next(), table);
            return row.getString(1) + " " + row.getString(2) + " " + row.getString(3);
        }
    }

    private static List<String> describe(Set<Integer> pairs, List<List<String>> spellings) {
        return pairs.stream().map(i -> i + ": " + spellings.get(i)).toList();
    }
}
