package dev.drydock.validator.parse;

import dev.drydock.shared.migration.Script;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.sql.LexicalError;
import dev.drydock.shared.sql.LineMap;
import dev.drydock.shared.sql.SourcePosition;
import dev.drydock.shared.sql.SplitScript;
import dev.drydock.shared.sql.SqlSplitter;
import dev.drydock.shared.sql.SqlStatement;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.statement.ColumnClauses;
import dev.drydock.validator.statement.OtherStatement;
import dev.drydock.validator.statement.PostgresStatements;
import dev.drydock.validator.statement.Statement;
import dev.drydock.validator.statement.TokenStatements;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a script for one dialect and decides, statement by statement, whether the database would reject it.
 *
 * <p>The parser must not cry wolf. A statement is a syntax error only when that is certain: an unclosed string
 * or comment, unbalanced parentheses, a comma with nothing on one side, a statement word or object type the
 * database does not know, a PostgreSQL DROP outside its small grammar ({@link PostgresDropGrammar}), or, for
 * SQLite and D1, SQLite's own parser rejecting it. JSqlParser is no judge:
 * on the real corpora it rejects 3-30% of valid DDL and DML per statement kind (docs/validator.md), so its
 * failures would be false alarms. Every statement is still classified by its tokens ({@link StatementShape}).
 */
public final class StatementParser implements AutoCloseable {

    private final DialectTarget target;
    private final SqlSplitter splitter;
    private final boolean askSqlite;
    private SqliteSyntax sqlite;
    private Optional<PostgresGrammar> postgres;
    private PostgresStatements postgresStatements;
    private ColumnClauses columnClauses;

    public StatementParser(DialectTarget target) {
        this(target, true);
    }

    private StatementParser(DialectTarget target, boolean askSqlite) {
        this.target = target;
        this.splitter = new SqlSplitter(target.dialect());
        this.askSqlite = askSqlite;
    }

    /**
     * A parser for scripts read only to replay the schema (those a pre-commit run does not report on): it does
     * not ask SQLite's parser, which is most of the cost of reading a SQLite script.
     */
    public static StatementParser forContext(DialectTarget target) {
        return new StatementParser(target, false);
    }

    public ParsedScript parse(Script script) {
        String text = script.file().text();
        LineMap lines = script.file().lines();
        SplitScript split = splitter.split(text, script.from(), script.to(), lines);
        List<SyntaxProblem> problems = new ArrayList<>();
        for (LexicalError error : split.errors()) {
            problems.add(new SyntaxProblem(error.message(), error.position(), error.position()));
        }
        List<ParsedStatement> statements = new ArrayList<>(split.statements().size());
        boolean checkBodies = true;
        for (SqlStatement statement : split.statements()) {
            boolean lexicalError = split.errors().stream().anyMatch(error -> within(error.position(), statement));
            checkBodies = checkFunctionBodies(statement.tokens()).orElse(checkBodies);
            ParsedStatement parsed = parse(statement, lines, lexicalError, checkBodies);
            parsed.problem().ifPresent(problems::add);
            statements.add(parsed);
        }
        return new ParsedScript(script, target, List.copyOf(statements), split.directives(), List.copyOf(problems));
    }

    /**
     * What {@code SET [SESSION | LOCAL] check_function_bodies = ...} sets, or empty for any other statement: with it
     * off (pg_dump's scripts begin so) PostgreSQL creates a function without compiling or parsing its body.
     */
    private static Optional<Boolean> checkFunctionBodies(List<SqlToken> tokens) {
        int at = tokens.size() > 1 && (tokens.get(1).isWord("SESSION") || tokens.get(1).isWord("LOCAL")) ? 2 : 1;
        if (tokens.isEmpty() || !tokens.get(0).isWord("SET") || tokens.size() != at + 3
                || !tokens.get(at).isWord("check_function_bodies")
                || !tokens.get(at + 1).isSymbol('=') && !tokens.get(at + 1).isWord("TO")) {
            return Optional.empty();
        }
        String value = tokens.get(at + 2).unquoted().toLowerCase(Locale.ROOT);
        return Optional.of(!value.equals("false") && !value.equals("off") && !value.equals("0") && !value.equals("no"));
    }

    private static boolean within(SourcePosition position, SqlStatement statement) {
        return compare(statement.start(), position) <= 0 && compare(position, statement.end()) <= 0;
    }

    private static int compare(SourcePosition a, SourcePosition b) {
        return a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column());
    }

    /** @param lexicalError whether the statement holds an unclosed string or comment, already reported */
    /** @param checkBodies whether PostgreSQL checks function bodies at this point of the script */
    private ParsedStatement parse(SqlStatement statement, LineMap fileLines, boolean lexicalError, boolean checkBodies) {
        List<SqlToken> tokens = statement.tokens();
        StatementShape shape = StatementShape.of(tokens);
        if (target.dialect() == Dialect.POSTGRESQL && askSqlite && !lexicalError && !hasPlaceholder(tokens)) {
            Optional<PostgresGrammar> grammar = postgresGrammar();
            if (grammar.isPresent()) {
                boolean mayConflict = ColumnClauses.mayConflict(shape.kind(), tokens);
                PostgresGrammar.Verdict verdict = grammar.get().parse(statement.text(),
                        mayConflict || PostgresStatements.readsTree(shape.kind(), tokens));
                Optional<SyntaxProblem> problem = postgresProblem(verdict, statement, fileLines)
                        .filter(found -> !PostgresGrammar.mayBeNewerSyntax(target, tokens))
                        .or(() -> verdict.rejection().isPresent() || !checkBodies ? Optional.empty()
                                : bodyProblem(grammar.get(), statement, shape, fileLines))
                        .or(() -> InsertArity.check(tokens, fileLines))
                        .or(() -> !mayConflict || verdict.tree() == null ? Optional.empty()
                                : columnClauses().first(verdict.tree(), statement.text(), statement.startOffset(), tokens)
                                .map(conflict -> at(conflict.at(), fileLines, conflict.message())));
                Statement typed = verdict.tree() != null
                        ? postgresStatements().read(verdict.tree(), statement.text(), statement.startOffset(), tokens,
                        shape.kind(), shape.objects())
                        : TokenStatements.read(tokens, shape.kind(), shape.objects());
                return new ParsedStatement(statement, shape, typed, problem);
            }
        }
        Optional<String> refusal = sqliteRefusal(statement);
        Optional<SyntaxProblem> problem = unbalancedParenthesis(statement, tokens, fileLines)
                .or(() -> strayComma(statement, tokens, fileLines))
                .or(() -> hasPlaceholder(tokens) ? Optional.empty() : InsertArity.check(tokens, fileLines))
                .or(() -> unknownStatement(statement, tokens, shape, fileLines))
                .or(() -> postgresDrop(statement, shape, tokens, fileLines))
                .or(() -> refusal.flatMap(message -> sqlite.syntaxProblem(statement, message, fileLines)));
        // a script read only for the replay meets no rule, so what it does need not be read
        Statement typed = askSqlite ? TokenStatements.read(tokens, shape.kind(), shape.objects())
                : new OtherStatement(tokens.get(0));
        return new ParsedStatement(statement, shape, typed, problem, refusal);
    }

    private ColumnClauses columnClauses() {
        if (columnClauses == null) {
            columnClauses = new ColumnClauses();
        }
        return columnClauses;
    }

    private PostgresStatements postgresStatements() {
        if (postgresStatements == null) {
            postgresStatements = new PostgresStatements();
        }
        return postgresStatements;
    }

    private static Optional<SyntaxProblem> unbalancedParenthesis(SqlStatement statement, List<SqlToken> tokens,
                                                                 LineMap fileLines) {
        List<SqlToken> open = new ArrayList<>();
        for (SqlToken token : tokens) {
            if (token.isSymbol('(')) {
                open.add(token);
            } else if (token.isSymbol(')')) {
                if (open.isEmpty()) {
                    return Optional.of(at(token, fileLines, "syntax error at ')': there is no '(' to close"));
                }
                open.remove(open.size() - 1);
            }
        }
        if (open.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(at(open.get(open.size() - 1), fileLines,
                "syntax error: this '(' is never closed; add the missing ')'"));
    }

    /** {@code ,)}, {@code (,} and {@code ,,}: no dialect accepts a comma with nothing on one side. */
    private static Optional<SyntaxProblem> strayComma(SqlStatement statement, List<SqlToken> tokens, LineMap fileLines) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            SqlToken a = tokens.get(i);
            SqlToken b = tokens.get(i + 1);
            if (a.isSymbol(',') && (b.isSymbol(')') || b.isSymbol(','))) {
                return Optional.of(at(b, fileLines, "syntax error at or near '" + b.text()
                        + "': a comma must be followed by another item; remove the extra comma"));
            }
            if (a.isSymbol('(') && b.isSymbol(',')) {
                return Optional.of(at(b, fileLines, "syntax error at or near ',': nothing before this comma"));
            }
        }
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).isSymbol(',')) {
            SqlToken last = tokens.get(tokens.size() - 1);
            return Optional.of(at(last, fileLines, "syntax error: the statement ends with a comma"));
        }
        return Optional.empty();
    }

    private Optional<SyntaxProblem> postgresDrop(SqlStatement statement, StatementShape shape, List<SqlToken> tokens,
                                                 LineMap fileLines) {
        if (target.dialect() != Dialect.POSTGRESQL) {
            return Optional.empty();
        }
        return PostgresDropGrammar.firstUnexpected(shape, tokens).map(token -> at(token, fileLines,
                "syntax error at or near " + shown(token) + ": PostgreSQL's " + shape.kind() + " takes only names"
                        + " (DROP INDEX i ON t is MySQL; write DROP INDEX i)"));
    }

    private synchronized Optional<PostgresGrammar> postgresGrammar() {
        if (postgres == null) {
            postgres = PostgresGrammar.load();
        }
        return postgres;
    }

    /** What a run says when PostgreSQL's own grammar could not judge its PostgreSQL statements. */
    public static final String MISSING_POSTGRES_GRAMMAR = "libpg_query, PostgreSQL's own parser, is not installed, so"
            + " PostgreSQL syntax was checked only for unclosed strings and parentheses, stray commas and unknown"
            + " statements; install Debian's " + PostgresGrammar.PACKAGE + " (bin/validator does, when run as root)";

    /** Whether this parser judges PostgreSQL statements without PostgreSQL's own grammar (libpg_query is missing). */
    public boolean lacksPostgresGrammar() {
        return target.dialect() == Dialect.POSTGRESQL && askSqlite && postgresGrammar().isEmpty();
    }

    /**
     * A Flyway placeholder ({@code ${schema}}) outside a string is replaced before the statement reaches the
     * database, by a name, a number or a keyword: the grammar cannot judge the text as written.
     */
    private static boolean hasPlaceholder(List<SqlToken> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).type() != SqlToken.Type.STRING && tokens.get(i).text().endsWith("$")
                    && tokens.get(i + 1).isSymbol('{') && tokens.get(i).end() == tokens.get(i + 1).start()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<SyntaxProblem> postgresProblem(PostgresGrammar.Verdict verdict, SqlStatement statement,
                                                           LineMap fileLines) {
        return verdict.rejection().map(rejection -> {
            if (rejection.character() < 0 || rejection.character() >= statement.text().length()) {
                String message = rejection.message().endsWith("at end of input")
                        ? "syntax error: the statement ends too early (PostgreSQL: syntax error at end of input)"
                        : rejection.message();
                SourcePosition at = rejection.character() < 0 ? statement.start() : statement.end();
                return new SyntaxProblem(message, at, rejection.character() < 0 ? statement.end() : at);
            }
            int offset = statement.startOffset() + rejection.character();
            SqlToken token = tokenAt(statement.tokens(), offset);
            String message = rejection.message().startsWith("syntax error at or near ")
                    ? "syntax error at or near " + shown(token)
                    : rejection.message();
            return at(token, fileLines, message);
        });
    }

    /**
     * A syntax error in the PL/pgSQL body of a function, procedure or DO block. libpg_query names a line of the
     * body (where PL/pgSQL's scanner was), not the token; the token it quotes is looked for from there to the end of
     * that PL/pgSQL statement (its last occurrence: {@code NEW.x = now() RETURN NEW;} fails at the second NEW), then
     * anywhere after, else the line itself is given.
     */
    private static Optional<SyntaxProblem> bodyProblem(PostgresGrammar grammar, SqlStatement statement,
                                                       StatementShape shape, LineMap fileLines) {
        return RoutineBody.of(shape, statement.tokens()).flatMap(routine -> switch (routine.language()) {
            case "plpgsql" -> plpgsqlProblem(grammar, statement, shape.kind(), routine.body(), fileLines);
            case "sql" -> sqlBodyProblem(grammar, shape.kind(), routine.body(), fileLines);
            default -> Optional.empty();
        });
    }

    private static Optional<SyntaxProblem> plpgsqlProblem(PostgresGrammar grammar, SqlStatement statement,
                                                          String kind, SqlToken body, LineMap fileLines) {
        // libpg_query's compiler aborts the process on a function without a string body, so it is given one
        // statement (no top-level semicolon) whose body is a string
        if (statement.tokens().stream().anyMatch(token -> token.isSymbol(';'))) {
            return Optional.empty();
        }
        return grammar.checkPlpgsql(statement.text()).map(rejection -> {
            String text = statement.text();
            int bodyFrom = body.start() - statement.startOffset();
            int bodyTo = Math.min(text.length(), body.end() - statement.startOffset());
            // PL/pgSQL counts the body's lines from its first character after the opening quote, a newline there
            // left out
            int content = bodyFrom + (body.text().startsWith("$") ? body.text().indexOf('$', 1) + 1 : 1);
            if (content < bodyTo && text.charAt(content) == '\r') {
                content++;
            }
            if (content < bodyTo && text.charAt(content) == '\n') {
                content++;
            }
            int lineFrom = Math.max(bodyFrom, fileLines.offset(fileLines.position(statement.startOffset() + content)
                    .line() + rejection.bodyLine() - 1, 1) - statement.startOffset());
            int statementEnd = text.indexOf(';', lineFrom);
            statementEnd = statementEnd < 0 || statementEnd > bodyTo ? bodyTo : statementEnd + 1;
            Matcher near = NEAR.matcher(rejection.message());
            int at = -1;
            if (near.find()) {
                Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(near.group(1)) + "(?![\\w$])",
                        Pattern.CASE_INSENSITIVE);
                Matcher found = word.matcher(text).region(lineFrom, statementEnd);
                while (found.find()) {
                    at = found.start();
                }
                Matcher later = word.matcher(text).region(lineFrom, bodyTo);
                if (at < 0 && later.find()) {
                    at = later.start();
                }
            }
            if (at < 0) {
                at = lineFrom;
                while (at < bodyTo && Character.isWhitespace(text.charAt(at))) {
                    at++;
                }
            }
            SourcePosition position = fileLines.position(statement.startOffset() + at);
            return new SyntaxProblem(rejection.message() + " in the PL/pgSQL body; PostgreSQL refuses the "
                    + (kind.equals("DO") ? "block" : kind.substring(7).toLowerCase(Locale.ROOT)), position, position);
        });
    }

    private static final Pattern NEAR = Pattern.compile("at or near '(.+)'$");

    /**
     * A syntax error in the body of a {@code LANGUAGE sql} function or procedure written as a string
     * ({@code AS $$ SELECT ... $$}): PostgreSQL parses the body when it creates the function and refuses it.
     */
    private static Optional<SyntaxProblem> sqlBodyProblem(PostgresGrammar grammar, String kind, SqlToken body,
                                                          LineMap fileLines) {
        if (kind.equals("DO")) {
            return Optional.empty();
        }
        // a body given as one dollar-quoted string, whose text is the body as written
        int open = body.text().startsWith("$") ? body.text().indexOf('$', 1) + 1 : -1;
        if (open <= 0 || body.text().length() < 2 * open) {
            return Optional.empty();
        }
        String content = body.text().substring(open, body.text().length() - open);
        return grammar.check(content).filter(rejection -> rejection.message().startsWith("syntax error"))
                .map(rejection -> {
                    int character = rejection.character() < 0 ? content.length() : rejection.character();
                    int offset = body.start() + open + Math.min(character, content.length());
                    SourcePosition at = fileLines.position(offset);
                    return new SyntaxProblem(rejection.message() + " in the SQL body; PostgreSQL refuses the "
                            + kind.substring(7).toLowerCase(Locale.ROOT), at, at);
                });
    }

    /** The token starting at (or covering) {@code offset}; PostgreSQL points at a token's first character. */
    private static SqlToken tokenAt(List<SqlToken> tokens, int offset) {
        for (SqlToken token : tokens) {
            if (token.end() > offset) {
                return token;
            }
        }
        return tokens.get(tokens.size() - 1);
    }

    /** SQLite's refusal of a SQLite or D1 statement prepared in an empty database; empty when it prepares. */
    private synchronized Optional<String> sqliteRefusal(SqlStatement statement) {
        Dialect dialect = target.dialect();
        if (dialect != Dialect.SQLITE && dialect != Dialect.D1 || !askSqlite) {
            return Optional.empty();
        }
        if (sqlite == null) {
            sqlite = new SqliteSyntax();
        }
        return Optional.ofNullable(sqlite.refusal(statement.text()));
    }

    @Override
    public synchronized void close() {
        if (sqlite != null) {
            sqlite.close();
        }
    }

    private Optional<SyntaxProblem> unknownStatement(SqlStatement statement, List<SqlToken> tokens,
                                                     StatementShape shape, LineMap fileLines) {
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        SqlToken first = tokens.get(0);
        if (first.type() == SqlToken.Type.WORD && StatementWords.isKnown(target.dialect(), shape.kind())) {
            return Optional.empty();
        }
        if (first.isSymbol('(') && target.dialect() != Dialect.SQLITE) {
            return Optional.empty();
        }
        return Optional.of(at(first, fileLines, "syntax error at or near " + shown(first)
                + ": no " + target.dialect().id() + " statement starts this way"));
    }

    /** A token for a message; a string literal is not repeated, since it may hold a secret. */
    /**
     * A token as a message may quote it. A string literal is never repeated (it may hold a secret), and neither is a
     * token that swallowed one: a quoted identifier left open runs over the strings after it.
     */
    static String shown(SqlToken token) {
        if (token.type() == SqlToken.Type.STRING) {
            return "a string literal";
        }
        return quotable(token.text()) ? "'" + token.text() + "'" : "a token of " + token.text().length() + " characters";
    }

    /** Short, on one line, and holding no string quote: a name or a symbol, safe to repeat. */
    static boolean quotable(String text) {
        return text.length() <= 64 && text.indexOf('\'') < 0 && text.indexOf('\n') < 0;
    }

    /** A problem at one of the statement's tokens (their offsets are into the whole file). */
    static SyntaxProblem at(SqlToken token, LineMap fileLines, String message) {
        return new SyntaxProblem(message, fileLines.position(token.start()), fileLines.position(token.end()));
    }
}
