package dev.drydock.shared.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a script into statements the way the target database's own client does, keeping every
 * statement's exact place in the original file.
 *
 * <p>Quoting and comments come from {@link SqlLexer}. On top of it the splitter honours the mysql client's
 * {@code DELIMITER} command (Flyway does too) and keeps the semicolons inside {@code BEGIN ... END} bodies
 * of triggers and routines (SQLite, MySQL, PostgreSQL's {@code BEGIN ATOMIC}) from ending the statement.
 */
public final class SqlSplitter {

    private static final Set<String> ROUTINE_WORDS = Set.of("TRIGGER", "PROCEDURE", "FUNCTION", "EVENT");
    private static final Set<String> NON_BLOCK_ENDS = Set.of("IF", "LOOP", "WHILE", "REPEAT", "FOR");
    private static final int LEADING_WORDS = 12;

    private final Dialect dialect;
    private final String initialDelimiter;

    public SqlSplitter(Dialect dialect) {
        this(dialect, ";");
    }

    /**
     * A splitter whose statements end at {@code delimiter} (a word such as {@code GO} only as a whole word), or
     * nowhere when it is empty: the whole script is one statement, as a runner told not to split sends it.
     */
    public SqlSplitter(Dialect dialect, String delimiter) {
        this.dialect = dialect;
        this.initialDelimiter = delimiter;
    }

    /** The line drizzle-kit writes between statements; drizzle's migrator splits a file there. */
    static final String STATEMENT_BREAKPOINT = "--> statement-breakpoint";

    public SplitScript split(String text) {
        return split(text, 0, text.length(), new LineMap(text));
    }

    /** Splits {@code text[from, to)}; positions are reported against the whole text through {@code lines}. */
    public SplitScript split(String text, int from, int to, LineMap lines) {
        return new Scan(text, from, to, lines).run();
    }

    private final class Scan {
        private final String text;
        private final int end;
        private final LineMap lines;
        private final SqlLexer lexer;
        private final List<SqlStatement> statements = new ArrayList<>();
        private final List<SqlComment> directives = new ArrayList<>();
        private final List<String> leadingWords = new ArrayList<>();
        private List<SqlToken> tokens = new ArrayList<>();

        private String delimiter = initialDelimiter;
        private int statementStart = -1;
        private int lastTokenEnd = -1;
        private int blockDepth;

        Scan(String text, int from, int to, LineMap lines) {
            this.text = text;
            this.end = to;
            this.lines = lines;
            this.lexer = new SqlLexer(dialect, text, from, to, lines);
        }

        SplitScript run() {
            while (lexer.skipWhitespace()) {
                int pos = lexer.position();
                if (statementStart < 0 && dialect.delimiterCommand() && startsWithWord(pos, "DELIMITER")) {
                    readDelimiterCommand(pos);
                    continue;
                }
                if (blockDepth == 0 && atDelimiter(pos) && !startsComment(pos)) {
                    boolean copyData = isCopyFromStdin();
                    finishStatement();
                    lexer.skipTo(copyData ? endOfCopyData(pos + delimiter.length()) : pos + delimiter.length());
                    continue;
                }
                SqlToken token = cutAtDelimiter(lexer.next());
                if (token.isComment()) {
                    if (isBreakpoint(token)) {
                        // drizzle sends the text between two of these as one query, whatever it holds
                        finishStatement();
                        continue;
                    }
                    collectDirective(token);
                    continue;
                }
                if (statementStart < 0) {
                    statementStart = token.start();
                }
                lastTokenEnd = token.end();
                tokens.add(token);
                if (token.type() == SqlToken.Type.WORD) {
                    word(token.text().toUpperCase(Locale.ROOT));
                }
            }
            finishStatement();
            return new SplitScript(List.copyOf(statements), List.copyOf(directives), List.copyOf(lexer.errors()));
        }

        /**
         * PostgreSQL's {@code COPY ... FROM STDIN;}: the lines after it are data, not SQL, up to a line {@code \.}
         * (as psql and Flyway read a script, and as pg_dump writes one).
         */
        private boolean isCopyFromStdin() {
            if (dialect != Dialect.POSTGRESQL || leadingWords.isEmpty() || !leadingWords.get(0).equals("COPY")) {
                return false;
            }
            for (int i = 1; i < tokens.size(); i++) {
                if (tokens.get(i).isWord("STDIN") && tokens.get(i - 1).isWord("FROM")) {
                    return true;
                }
            }
            return false;
        }

        /** Where the data of a COPY that ends at {@code from} stops: after its {@code \.} line, else at the end. */
        private int endOfCopyData(int from) {
            int lineEnd = text.indexOf('\n', from);
            while (lineEnd >= 0 && lineEnd < end) {
                int lineStart = lineEnd + 1;
                lineEnd = text.indexOf('\n', lineStart);
                int stop = lineEnd < 0 || lineEnd > end ? end : lineEnd;
                String line = text.substring(lineStart, stop);
                if (line.equals("\\.") || line.equals("\\.\r")) {
                    return stop;
                }
            }
            return end;
        }

        /** {@code END$$}: MySQL identifiers may hold {@code $}, yet the client ends the statement at the delimiter. */
        private SqlToken cutAtDelimiter(SqlToken token) {
            if (delimiter.equals(";") || delimiter.isEmpty() || Character.isLetter(delimiter.charAt(0))
                    || token.type() != SqlToken.Type.WORD) {
                return token;
            }
            int cut = token.text().indexOf(delimiter);
            if (cut <= 0) {
                return token;
            }
            lexer.skipTo(token.start() + cut);
            return new SqlToken(token.type(), token.start(), token.start() + cut, token.text().substring(0, cut));
        }

        private boolean atDelimiter(int pos) {
            if (delimiter.isEmpty() || !text.startsWith(delimiter, pos)) {
                return false;
            }
            int after = pos + delimiter.length();
            return !Character.isLetter(delimiter.charAt(delimiter.length() - 1)) || after >= end
                    || !Character.isLetterOrDigit(text.charAt(after)) && text.charAt(after) != '_';
        }

        /** drizzle-kit's {@code --> statement-breakpoint} line, which ends a statement in drizzle's migrator. */
        private boolean isBreakpoint(SqlToken comment) {
            return comment.type() == SqlToken.Type.LINE_COMMENT
                    && comment.text().strip().equals(STATEMENT_BREAKPOINT);
        }

        private boolean startsComment(int pos) {
            return text.startsWith("--", pos) || text.startsWith("/*", pos);
        }

        private void collectDirective(SqlToken comment) {
            if (comment.type() != SqlToken.Type.LINE_COMMENT) {
                return;
            }
            String body = comment.text().replaceFirst("^(--|#)", "").strip();
            if (body.startsWith("drydock:")) {
                directives.add(new SqlComment(body, comment.start(), lines.position(comment.start())));
            }
        }

        private void word(String word) {
            if (leadingWords.size() < LEADING_WORDS) {
                leadingWords.add(word);
            }
            switch (word) {
                case "BEGIN" -> {
                    if (opensBody()) {
                        blockDepth++;
                    }
                }
                case "CASE" -> {
                    if (blockDepth > 0) {
                        blockDepth++;
                    }
                }
                case "END" -> {
                    if (blockDepth > 0 && !NON_BLOCK_ENDS.contains(peekWord())) {
                        blockDepth--;
                    }
                }
                default -> {
                }
            }
        }

        private boolean opensBody() {
            if (dialect == Dialect.POSTGRESQL) {
                return "ATOMIC".equals(peekWord()) && isRoutine();
            }
            if (!dialect.compoundStatementBodies()) {
                return false;
            }
            if (blockDepth > 0 || isRoutine()) {
                return true;
            }
            // MariaDB's anonymous block: BEGIN NOT ATOMIC ... END
            return leadingWords.size() == 1 && dialect.isMySqlFamily() && "NOT".equals(peekWord());
        }

        private boolean isRoutine() {
            return !leadingWords.isEmpty() && leadingWords.get(0).equals("CREATE")
                    && leadingWords.stream().anyMatch(ROUTINE_WORDS::contains);
        }

        private String peekWord() {
            int p = lexer.position();
            while (p < end && Character.isWhitespace(text.charAt(p))) {
                p++;
            }
            int start = p;
            while (p < end && SqlLexer.isWordPart(text.charAt(p))) {
                p++;
            }
            return text.substring(start, p).toUpperCase(Locale.ROOT);
        }

        private boolean startsWithWord(int pos, String word) {
            int stop = pos + word.length();
            return stop <= end && text.regionMatches(true, pos, word, 0, word.length())
                    && (stop == end || Character.isWhitespace(text.charAt(stop)));
        }

        private void readDelimiterCommand(int pos) {
            int lineEnd = text.indexOf('\n', pos);
            int stop = lineEnd < 0 || lineEnd > end ? end : lineEnd;
            String argument = text.substring(pos + "DELIMITER".length(), stop).strip();
            if (argument.isEmpty()) {
                lexer.errors().add(new LexicalError("DELIMITER needs the new delimiter, e.g. 'DELIMITER $$'",
                        lines.position(pos)));
            } else {
                delimiter = argument.split("\\s+")[0];
            }
            lexer.skipTo(stop);
        }

        private void finishStatement() {
            if (statementStart >= 0) {
                String body = text.substring(statementStart, lastTokenEnd);
                statements.add(new SqlStatement(statements.size(), body, statementStart, lastTokenEnd,
                        lines.position(statementStart), lines.position(lastTokenEnd), List.copyOf(tokens)));
                tokens = new ArrayList<>();
            }
            statementStart = -1;
            lastTokenEnd = -1;
            leadingWords.clear();
            blockDepth = 0;
        }
    }
}
