package dev.drydock.shared.migration;

import dev.drydock.shared.sql.SqlStatement;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationDiscoveryTest {

    @TempDir
    Path dir;

    private final MigrationDiscovery discovery = new MigrationDiscovery(Path.of("/"));

    private void file(String relative, String content) throws Exception {
        Path path = dir.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    private MigrationSet discover() {
        Layout layout = LayoutDetection.detect(dir, dir.toString());
        return discovery.discover(dir, layout, true);
    }

    private static List<String> ids(MigrationSet set) {
        return set.migrations().stream().map(Migration::id).toList();
    }

    @Test
    void flywayOrdersVersionsAndPairsUndoFiles() throws Exception {
        file("V1.1__b.sql", "SELECT 1;");
        file("V1_10__c.sql", "SELECT 1;");
        file("V1.2__later.sql", "SELECT 1;");
        file("sub/V5.0_2014.01.01__nested.sql", "SELECT 1;");
        file("V118_3__x.sql", "SELECT 1;");
        file("U1.1__b.sql", "SELECT 2;");
        file("U9__gone.sql", "SELECT 2;");
        file("R__view.sql", "SELECT 3;");
        file("V2_bad.sql", "SELECT 1;");
        file("afterMigrate.sql", "SELECT 1;");
        file("V57__readme.md", "not sql");
        MigrationSet set = discover();
        assertInstanceOf(FlywayLayout.class, set.layout());
        assertEquals(List.of("1.1", "1.2", "1.10", "5.0.2014.1.1", "118.3", "R__view"), ids(set));
        assertTrue(set.migrations().get(0).rollback().isPresent());
        assertFalse(set.migrations().get(1).rollback().isPresent());
        assertEquals(1, set.orphanRollbacks().size());
        assertEquals(1, set.misnamed().size());
        assertTrue(set.misnamed().get(0).why().contains("two underscores"));
    }

    @Test
    void golangMigrateSharedPrefixesOrderByFullName() throws Exception {
        file("0002_b_second.up.sql", "SELECT 1;");
        file("0002_a_first.up.sql", "SELECT 1;");
        file("0002_a_first.down.sql", "SELECT 1;");
        file("0001_init.up.sql", "SELECT 1;");
        file("0001_init.down.sql", "SELECT 1;");
        file("0003_orphan.down.sql", "SELECT 1;");
        file("0004_misnamed_up.sql", "SELECT 1;");
        MigrationSet set = discover();
        assertInstanceOf(GolangMigrateLayout.class, set.layout());
        assertEquals(List.of("1", "0002_a_first", "0002_b_second"), ids(set));
        assertTrue(set.migrations().get(1).rollback().isPresent());
        assertFalse(set.migrations().get(2).rollback().isPresent());
        assertEquals(1, set.orphanRollbacks().size());
        assertTrue(set.misnamed().get(0).why().contains("'.up.sql'"));
    }

    @Test
    void dieselFoldersWithAndWithoutDashesAndMetadata() throws Exception {
        file("2017-08-31-210424_create/up.sql", "CREATE TABLE a (id int);");
        file("2017-08-31-210424_create/down.sql", "DROP TABLE a;");
        file("20170901000000_index/up.sql", "CREATE INDEX CONCURRENTLY i ON a (id);");
        file("20170901000000_index/metadata.toml", "run_in_transaction = false\n");
        MigrationSet set = discover();
        assertInstanceOf(DieselLayout.class, set.layout());
        assertEquals(List.of("20170831210424", "20170901000000"), ids(set));
        assertTrue(set.migrations().get(0).transaction().inTransaction());
        assertFalse(set.migrations().get(1).transaction().inTransaction());
        assertTrue(set.migrations().get(1).transaction().decidedBy().contains("metadata.toml"));
    }

    @Test
    void dbmateSectionsBecomeForwardAndRollback() throws Exception {
        file("20240101000000_users.sql", "-- migrate:up\nCREATE TABLE users (id int);\n\n-- migrate:down\nDROP TABLE users;\n");
        file("20240102000000_idx.sql", "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON users (id);\n");
        MigrationSet set = discover();
        assertInstanceOf(DbmateLayout.class, set.layout());
        Migration users = set.migrations().get(0);
        String text = users.forward().file().text();
        assertEquals("\nCREATE TABLE users (id int);\n\n", text.substring(users.forward().from(), users.forward().to()));
        Script down = users.rollback().orElseThrow();
        assertEquals("\nDROP TABLE users;\n", text.substring(down.from(), down.to()));
        assertTrue(set.migrations().get(1).rollback().isEmpty());
        assertFalse(set.migrations().get(1).transaction().inTransaction());
    }

    @Test
    void wranglerRollbacksLiveInASubfolder() throws Exception {
        file("0000_init.sql", "CREATE TABLE a (id integer);");
        file("0001_more.sql", "CREATE TABLE b (id integer);");
        file("rollback/0000_init.sql", "DROP TABLE a;");
        MigrationSet set = discover();
        assertInstanceOf(WranglerLayout.class, set.layout());
        assertEquals(List.of("0", "1"), ids(set));
        assertTrue(set.migrations().get(0).rollback().orElseThrow().displayPath().endsWith("rollback/0000_init.sql"));
        assertTrue(set.migrations().get(1).rollback().isEmpty());
    }

    /** Wrangler 4's order: the leading number (a placeholder 000X is 0), then the name; D1Test checks it on wrangler. */
    @Test
    void wranglerOrdersByTheLeadingNumberThenTheName() throws Exception {
        for (String name : List.of("0002_b.sql", "0002_a.sql", "000X_placeholder.sql", "0010_ten.sql", "0001_one.sql",
                "0003-dash.sql", "init.sql")) {
            file(name, "SELECT 1;");
        }
        MigrationSet set = discovery.discover(dir, new WranglerLayout(), true);
        assertEquals(List.of("000X_placeholder.sql", "0001_one.sql", "0002_a.sql", "0002_b.sql", "0003-dash.sql",
                "0010_ten.sql"), set.migrations().stream().map(m -> m.forward().file().path().getFileName().toString())
                .toList());
        assertEquals(List.of("placeholder", "one", "a", "b", "", "ten"), set.migrations().stream()
                .map(Migration::description).toList());
        assertEquals(1, set.misnamed().size(), "a name without a leading number is wrangler's last, not ours");
        assertTrue(set.misnamed().get(0).why().contains("wrangler applies it after every numbered migration"),
                set.misnamed().get(0).why());
    }

    @Test
    void customRegexesSelectTheProjectsFiles() throws Exception {
        file("0.26/00__rename.sql", "SELECT 1;");
        file("0.25/01__second.sql", "SELECT 1;");
        file("0.25/00__first.sql", "SELECT 1;");
        file("LATEST.sql", "SELECT 1;");
        Layout layout = new CustomLayout(Pattern.compile("(?<version>\\d+\\.\\d+/\\d+)__(?<description>.+)\\.sql"), null);
        MigrationSet set = discovery.discover(dir, layout, true);
        assertEquals(List.of("first", "second", "rename"), set.migrations().stream().map(Migration::description).toList());
        assertTrue(set.misnamed().isEmpty());
    }

    @Test
    void noTransactionHeaderAndFlywayConf() throws Exception {
        file("V1__a.sql", "-- drydock:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (x);");
        file("V2__b.sql", "CREATE INDEX CONCURRENTLY j ON t (x);");
        file("V2__b.sql.conf", "executeInTransaction=false\n");
        file("V3__c.sql", "SELECT 'drydock:no-transaction is only text here';");
        MigrationSet set = discover();
        assertFalse(set.migrations().get(0).transaction().inTransaction());
        assertFalse(set.migrations().get(1).transaction().inTransaction());
        assertTrue(set.migrations().get(2).transaction().inTransaction());
    }

    @Test
    void checksumsIgnoreBomAndCrlf() throws Exception {
        file("V1__a.sql", "SELECT 1;\nSELECT 2;\n");
        Files.write(dir.resolve("V2__b.sql"), ("\uFEFFSELECT 1;\r\nSELECT 2;\r\n").getBytes(StandardCharsets.UTF_8));
        MigrationSet set = discover();
        assertEquals(set.migrations().get(0).forward().checksum(), set.migrations().get(1).forward().checksum());
        assertEquals("SELECT 1;\nSELECT 2;\n", set.migrations().get(1).forward().file().text().replace("\r", ""));
    }

    @Test
    void sumFileRoundTripsAndDetectsHandEdits() throws Exception {
        file("V1__a.sql", "SELECT 1;");
        file("U1__a.sql", "SELECT 2;");
        file("V2__b.sql", "SELECT 3;");
        MigrationSet set = discover();
        SumFile.of(set).write(set.sumFile());
        SumFile read = SumFile.read(set.sumFile(), "migrations.sum").orElseThrow();
        assertTrue(read.intact());
        assertEquals(SumFile.of(set), read);
        assertEquals(SumFile.NONE, read.entries().get(1).rollback());
        assertEquals("V1__a.sql", read.entries().get(0).path());
        Files.writeString(set.sumFile(), Files.readString(set.sumFile()).replace("V2__b.sql", "V2__c.sql"));
        assertFalse(SumFile.read(set.sumFile(), "migrations.sum").orElseThrow().intact());
        assertEquals(2, discover().migrations().size(), "migrations.sum is never taken for a migration");
    }

    @Test
    void badFilesAreClearErrors() throws Exception {
        Files.write(dir.resolve("V1__latin1.sql"), new byte[] {'S', 'E', 'L', '\n', (byte) 0xE9, ';'});
        Files.write(dir.resolve("V2__binary.sql"), new byte[] {'S', 0, 1, 2});
        MigrationSet set = discover();
        BadInputException latin = assertThrows(BadInputException.class, () -> set.migrations().get(0).forward().file().text());
        assertTrue(latin.getMessage().contains("V1__latin1.sql:2: not valid UTF-8 (byte 0xE9)"), latin.getMessage());
        BadInputException binary = assertThrows(BadInputException.class, () -> set.migrations().get(1).forward().file().text());
        assertTrue(binary.getMessage().contains("binary content"), binary.getMessage());
    }

    @Test
    void aMissingOrUnrecognizableFolderIsAClearError() throws Exception {
        BadInputException missing = assertThrows(BadInputException.class,
                () -> LayoutDetection.detect(dir.resolve("nope"), "nope"));
        assertTrue(missing.getMessage().contains("does not exist"));
        BadInputException empty = assertThrows(BadInputException.class, () -> LayoutDetection.detect(dir, "db"));
        assertTrue(empty.getMessage().contains("no file looks like a migration"), empty.getMessage());
    }

    @Test
    void aLiquibaseChangelogGivesOneMigrationPerChangesetWithItsAttributesAndRollback() throws Exception {
        file("changelog.sql", """
                --liquibase formatted sql

                --changeset alice:create-users
                CREATE TABLE users (id int);
                CREATE TABLE posts (id int);
                --rollback DROP TABLE posts;
                --rollback DROP TABLE users;

                --changeset "bob smith":2 runInTransaction:false splitStatements:false
                CREATE INDEX CONCURRENTLY users_id ON users (id);
                /* liquibase rollback
                DROP INDEX CONCURRENTLY users_id;
                */

                --changeset carol:3 endDelimiter:/
                CREATE FUNCTION f() RETURNS int AS 'SELECT 1; SELECT 2' LANGUAGE sql
                /
                --rollback not required
                """);
        file("notes.sql", "-- not a changelog\n");
        assertEquals("liquibase", LayoutDetection.detect(dir, dir.toString()).name(), "detected by its first line");
        MigrationSet set = discovery.discover(dir, new LiquibaseLayout(), true);
        assertEquals(List.of("alice:create-users", "bob smith:2", "carol:3"),
                set.migrations().stream().map(Migration::description).toList());
        assertEquals(List.of("1", "2", "3"), ids(set));
        assertEquals(1, set.misnamed().size(), "a .sql file that is no changelog is named");

        Migration first = set.migrations().get(0);
        assertEquals(2, first.forward().statements(Dialect.POSTGRESQL).size());
        List<SqlStatement> undo = first.rollback().orElseThrow().statements(Dialect.POSTGRESQL);
        assertEquals(List.of("DROP TABLE posts", "DROP TABLE users"), undo.stream().map(SqlStatement::text).toList());
        assertEquals(List.of(6, 7), undo.stream().map(statement -> statement.start().line()).toList(),
                "rollback positions are the changelog's own lines");
        assertTrue(first.transaction().inTransaction());

        Migration second = set.migrations().get(1);
        assertFalse(second.transaction().inTransaction());
        assertEquals(List.of("DROP INDEX CONCURRENTLY users_id;"), second.rollback().orElseThrow()
                .statements(Dialect.POSTGRESQL).stream().map(SqlStatement::text).toList(),
                "splitStatements:false sends the whole text as one statement, as Liquibase does");

        Migration third = set.migrations().get(2);
        assertEquals(List.of("CREATE FUNCTION f() RETURNS int AS 'SELECT 1; SELECT 2' LANGUAGE sql"),
                third.forward().statements(Dialect.POSTGRESQL).stream().map(SqlStatement::text).toList(),
                "endDelimiter '/' ends the statement");
        assertTrue(third.rollback().orElseThrow().statements(Dialect.POSTGRESQL).isEmpty(),
                "'--rollback not required' is a rollback that does nothing");
    }
}
