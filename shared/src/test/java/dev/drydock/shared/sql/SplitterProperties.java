package dev.drydock.shared.sql;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the splitter promises for any text, in every dialect: it returns, never throws; every statement and token
 * lies inside the file, in order, and is the file's own text at its offsets, with line and column to match; and
 * nothing but white space, comments and delimiters falls between the statements, so no SQL is ever dropped.
 */
class SplitterProperties {

    private static final List<String> FRAGMENTS = List.of("SELECT", "1", "x", "users", " ", "  ", "\n", "\r\n", "\t",
            ";", ",", "(", ")", "'", "''", "\"", "`", "$$", "$body$", "--", "/*", "*/", "#", "\\", "E'", "N'", "BEGIN",
            "END", "ATOMIC", "CASE", "CREATE FUNCTION f() AS ", "CREATE TRIGGER t ", "DELIMITER $$\n", "DELIMITER ;\n",
            "$$", "é", "日本", "\u0000", "\u001b", "COPY t FROM stdin", "\\.", "-- drydock:no-transaction\n", "IF", "LOOP");

    @Provide
    Arbitrary<String> scripts() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Property(tries = 3000)
    void statementsAndTokensAreTheFilesOwnTextInOrder(@ForAll("scripts") String text, @ForAll Dialect dialect) {
        SplitScript split = new SqlSplitter(dialect).split(text);
        LineMap lines = new LineMap(text);
        int previousEnd = 0;
        for (SqlStatement statement : split.statements()) {
            assertTrue(statement.startOffset() >= previousEnd && statement.startOffset() <= statement.endOffset()
                    && statement.endOffset() <= text.length(), "statement outside the file or out of order");
            assertEquals(text.substring(statement.startOffset(), statement.endOffset()), statement.text());
            assertEquals(lines.position(statement.startOffset()), statement.start());
            assertEquals(lines.position(statement.endOffset()), statement.end());
            int tokenEnd = statement.startOffset();
            for (SqlToken token : statement.tokens()) {
                assertTrue(token.start() >= tokenEnd && token.end() <= statement.endOffset(), "token outside its statement");
                assertEquals(text.substring(token.start(), token.end()), token.text());
                tokenEnd = token.end();
            }
            previousEnd = statement.endOffset();
        }
    }

    @Property(tries = 3000)
    void onlyWhiteSpaceCommentsAndDelimitersFallBetweenStatements(@ForAll("scripts") String text, @ForAll Dialect dialect) {
        if (dialect.delimiterCommand() && text.contains("DELIMITER") || dialect == Dialect.POSTGRESQL
                && text.toUpperCase(java.util.Locale.ROOT).contains("COPY")) {
            return; // a DELIMITER command and COPY's data lines are not statements, and not SQL either
        }
        SplitScript split = new SqlSplitter(dialect).split(text);
        int gapStart = 0;
        for (SqlStatement statement : split.statements()) {
            assertGapHoldsNoSql(dialect, text.substring(gapStart, statement.startOffset()));
            gapStart = statement.endOffset();
        }
        assertGapHoldsNoSql(dialect, text.substring(gapStart));
    }

    private static void assertGapHoldsNoSql(Dialect dialect, String gap) {
        for (SqlToken token : SqlLexer.tokens(dialect, gap)) {
            assertTrue(token.isComment() || token.isSymbol(';'), "SQL dropped between statements: '" + gap + "'");
        }
    }
}
