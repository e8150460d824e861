package dev.drydock.shared.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlSplitterTest {

    private static List<String> texts(Dialect dialect, String sql) {
        return new SqlSplitter(dialect).split(sql).statements().stream().map(SqlStatement::text).toList();
    }

    @Test
    void splitsOnSemicolonsAndDropsEmptyStatements() {
        assertEquals(List.of("CREATE TABLE a (id int)", "SELECT 1"),
                texts(Dialect.POSTGRESQL, "CREATE TABLE a (id int);;\n\nSELECT 1;\n-- trailing comment\n"));
    }

    @Test
    void quotedNamesLoseTheirQuotesSqlitesBracketsIncluded() {
        List<String> names = new SqlSplitter(Dialect.SQLITE).split("CREATE TABLE [posts] (\"id\" int, `title` text)")
                .statements().get(0).tokens().stream().filter(t -> t.type() == SqlToken.Type.QUOTED_IDENTIFIER)
                .map(SqlToken::unquoted).toList();
        assertEquals(List.of("posts", "id", "title"), names);
    }

    @Test
    void drizzlesBreakpointLineEndsAStatementAsDrizzleSplitsThere() {
        String script = "CREATE TABLE \"a\" (\"id\" serial PRIMARY KEY NOT NULL)\n--> statement-breakpoint\n"
                + "CREATE INDEX \"a_idx\" ON \"a\" (\"id\");--> statement-breakpoint\nSELECT 1;\n";
        assertEquals(List.of("CREATE TABLE \"a\" (\"id\" serial PRIMARY KEY NOT NULL)",
                "CREATE INDEX \"a_idx\" ON \"a\" (\"id\")", "SELECT 1"), texts(Dialect.POSTGRESQL, script));
        assertEquals(List.of("SELECT 1 -- statement-breakpoint\nFROM t"),
                texts(Dialect.SQLITE, "SELECT 1 -- statement-breakpoint\nFROM t;"), "only drizzle's own line counts");
    }

    @Test
    void theDataOfCopyFromStdinIsNoStatement() {
        String script = "CREATE TABLE items (id int, name text);\nCOPY items (id, name) FROM stdin;\n1\tit's one; really\n"
                + "2\t\\N\n\\.\nINSERT INTO items VALUES (3, 'three');\n";
        assertEquals(List.of("CREATE TABLE items (id int, name text)", "COPY items (id, name) FROM stdin",
                "INSERT INTO items VALUES (3, 'three')"), texts(Dialect.POSTGRESQL, script));
        assertEquals(List.of("COPY items FROM stdin"), texts(Dialect.POSTGRESQL, "COPY items FROM stdin;\n1\n2\n"),
                "data without its end line runs to the end of the script");
        assertEquals(2, texts(Dialect.POSTGRESQL, "COPY items TO stdout;\nSELECT 1;").size());
    }

    @Test
    void keepsDollarQuotedBodiesWhole() {
        String sql = "CREATE FUNCTION f() RETURNS trigger AS $body$\nBEGIN\n  NEW.x := 'a;b';\n  RETURN NEW;\nEND;\n"
                + "$body$ LANGUAGE plpgsql;\nDO $$ BEGIN PERFORM 1; END $$;\nSELECT $1;";
        List<String> statements = texts(Dialect.POSTGRESQL, sql);
        assertEquals(3, statements.size());
        assertTrue(statements.get(0).endsWith("LANGUAGE plpgsql"));
        assertEquals("DO $$ BEGIN PERFORM 1; END $$", statements.get(1));
    }

    @Test
    void readsEscapeStringsAndDoubledQuotes() {
        assertEquals(List.of("SELECT E'it\\'s; here'", "SELECT 'it''s; here'", "SELECT \"a;\"\"b\""),
                texts(Dialect.POSTGRESQL, "SELECT E'it\\'s; here'; SELECT 'it''s; here'; SELECT \"a;\"\"b\";"));
        // a plain PostgreSQL string takes the backslash literally, so the quote after it closes the string
        assertEquals(List.of("SELECT 'a\\'", "SELECT 2"), texts(Dialect.POSTGRESQL, "SELECT 'a\\'; SELECT 2;"));
        assertEquals(List.of("INSERT INTO t VALUES ('it\\'s; ok')", "SELECT 2"),
                texts(Dialect.MYSQL, "INSERT INTO t VALUES ('it\\'s; ok'); SELECT 2;"));
    }

    @Test
    void nestsBlockCommentsOnlyInPostgresql() {
        String sql = "/* outer /* inner; */ still comment; */ SELECT 1; SELECT 2;";
        assertEquals(List.of("SELECT 1", "SELECT 2"), texts(Dialect.POSTGRESQL, sql));
        // MySQL ends the comment at the first */
        assertEquals(List.of("still comment", "*/ SELECT 1", "SELECT 2"), texts(Dialect.MYSQL, sql));
    }

    @Test
    void honoursMysqlDelimiterBlocks() {
        String sql = "DELIMITER $$\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND$$\nDELIMITER ;\nCALL p();\n";
        List<String> statements = texts(Dialect.MYSQL, sql);
        assertEquals(2, statements.size(), statements.toString());
        assertTrue(statements.get(0).startsWith("CREATE PROCEDURE p()"));
        assertTrue(statements.get(0).endsWith("END"));
        assertEquals("CALL p()", statements.get(1));
    }

    @Test
    void keepsTriggerBodiesWholeWithoutDelimiter() {
        String sqlite = "CREATE TRIGGER t AFTER UPDATE ON notes BEGIN\n UPDATE notes SET n = CASE WHEN 1 THEN 2 END;\n"
                + " DELETE FROM x;\nEND;\nSELECT 1;";
        List<String> statements = texts(Dialect.SQLITE, sqlite);
        assertEquals(2, statements.size(), statements.toString());
        assertTrue(statements.get(0).endsWith("END"));
        String mysql = "CREATE DEFINER=`root`@`%` TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN\n"
                + "  IF NEW.x IS NULL THEN SET NEW.x = 1; END IF;\nEND;\nSELECT 1;";
        assertEquals(2, texts(Dialect.MYSQL, mysql).size());
        assertEquals(2, texts(Dialect.MARIADB, "BEGIN NOT ATOMIC SELECT 1; SELECT 2; END;\nSELECT 3;").size());
    }

    @Test
    void postgresBeginIsATransactionUnlessAtomicBody() {
        assertEquals(List.of("BEGIN", "CREATE TABLE a (id int)", "COMMIT"),
                texts(Dialect.POSTGRESQL, "BEGIN; CREATE TABLE a (id int); COMMIT;"));
        String atomic = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;\nSELECT 3;";
        assertEquals(2, texts(Dialect.POSTGRESQL, atomic).size());
    }

    @Test
    void reportsOriginalLinesAndColumnsWithCrlfAndBom() {
        String sql = "-- header\r\n  CREATE TABLE a (\r\n  id int);\r\n\r\n\tSELECT 1;";
        List<SqlStatement> statements = new SqlSplitter(Dialect.POSTGRESQL).split(sql).statements();
        assertEquals(new SourcePosition(2, 3), statements.get(0).start());
        assertEquals(new SourcePosition(3, 10), statements.get(0).end());
        assertEquals(new SourcePosition(5, 2), statements.get(1).start());
    }

    @Test
    void reportsUnterminatedStringsAndComments() {
        SplitScript split = new SqlSplitter(Dialect.POSTGRESQL).split("SELECT 1;\nSELECT 'open;\nSELECT 2;");
        assertEquals(1, split.errors().size());
        assertEquals(new SourcePosition(2, 8), split.errors().get(0).position());
        SplitScript comment = new SqlSplitter(Dialect.SQLITE).split("SELECT 1; /* never closed");
        assertEquals(1, comment.errors().size());
        SplitScript dollar = new SqlSplitter(Dialect.POSTGRESQL).split("DO $x$ BEGIN END;");
        assertEquals(1, dollar.errors().size());
    }

    @Test
    void collectsDrydockDirectives() {
        SplitScript split = new SqlSplitter(Dialect.POSTGRESQL)
                .split("-- drydock:ignore-file rollback-missing seed\n-- ordinary\nSELECT 1; -- drydock:ignore x\n");
        assertEquals(List.of("drydock:ignore-file rollback-missing seed", "drydock:ignore x"),
                split.directives().stream().map(SqlComment::body).toList());
        assertEquals(new SourcePosition(3, 11), split.directives().get(1).position());
    }

    @Test
    void mysqlNeedsSpaceAfterDoubleDashAndTakesHashComments() {
        assertEquals(List.of("SELECT 1--1", "SELECT 2"), texts(Dialect.MYSQL, "SELECT 1--1;\n# note; here\nSELECT 2;"));
    }

    @Test
    void sqliteBracketIdentifiersMayHoldSemicolons() {
        assertEquals(List.of("SELECT [a;b] FROM t"), texts(Dialect.SQLITE, "SELECT [a;b] FROM t;"));
    }

    @Test
    void lineMapCountsFromOne() {
        LineMap lines = new LineMap("ab\ncd\n");
        assertEquals(new SourcePosition(1, 1), lines.position(0));
        assertEquals(new SourcePosition(2, 2), lines.position(4));
        assertEquals(4, lines.offset(2, 2));
    }
}
