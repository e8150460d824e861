package dev.drydock.validator.parse;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

import java.nio.charset.StandardCharsets;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.sql.SqlToken;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own grammar: libpg_query, the parser taken from PostgreSQL's source (PostgreSQL 15 in Debian's
 * {@code libpg-query1504.0}), called through JNA. It parses without a server and without a catalogue, so what it
 * rejects PostgreSQL rejects before it looks at a single name.
 */
final class PostgresGrammar {

    /** Debian's package; its runtime library has no unversioned {@code .so} link, so the name is tried too. */
    static final String PACKAGE = "libpg-query1504.0";
    private static final String[] LIBRARY_NAMES = {"pg_query", "libpg_query.so.1504.0"};
    /**
     * libpg_query frees each thread's memory in a thread-exit destructor; once JNA lets go of the library and
     * dlclose unloads it, a pool thread that parsed and then exits jumps into unmapped code. NODELETE keeps
     * the code mapped for the life of the process.
     */
    private static final int RTLD_LAZY = 0x1;
    private static final int RTLD_NODELETE = 0x1000;

    /** The C functions used, as pg_query.h declares them. */
    interface LibPgQuery extends Library {
        ParseResult.ByValue pg_query_parse(byte[] input);

        void pg_query_free_parse_result(ParseResult.ByValue result);

        PlpgsqlParseResult.ByValue pg_query_parse_plpgsql(byte[] input);

        void pg_query_free_plpgsql_parse_result(PlpgsqlParseResult.ByValue result);
    }

    /** {@code PgQueryPlpgsqlParseResult}. */
    @Structure.FieldOrder({"plpgsqlFuncs", "error"})
    public static class PlpgsqlParseResult extends Structure {
        public Pointer plpgsqlFuncs;
        public Pointer error;

        public static class ByValue extends PlpgsqlParseResult implements Structure.ByValue {
        }
    }

    /** {@code PgQueryParseResult}: field order is the C layout. */
    @Structure.FieldOrder({"parseTree", "stderrBuffer", "error"})
    public static class ParseResult extends Structure {
        public Pointer parseTree;
        public Pointer stderrBuffer;
        public Pointer error;

        public static class ByValue extends ParseResult implements Structure.ByValue {
        }
    }

    /** {@code PgQueryError}. */
    @Structure.FieldOrder({"message", "funcname", "filename", "lineno", "cursorpos", "context"})
    public static class Error extends Structure {
        public String message;
        public String funcname;
        public String filename;
        public int lineno;
        public int cursorpos;
        public String context;

        public Error(Pointer pointer) {
            super(pointer);
            setStringEncoding(StandardCharsets.UTF_8.name());
            read();
        }
    }

    /**
     * What the grammar said of a statement's text.
     *
     * @param message   PostgreSQL's message, e.g. {@code syntax error at or near "COLUM"}
     * @param character the offset into the text at which PostgreSQL points (a Java {@code char} index), or -1
     */
    record Rejection(String message, int character) {
    }

    /** The PostgreSQL release whose grammar libpg_query holds. */
    static final int GRAMMAR_MAJOR = 15;

    /**
     * Words of syntax added after PostgreSQL 15 (SQL/JSON, MERGE ... RETURNING, SET EXPRESSION, virtual generated
     * columns, temporal keys, NOT ENFORCED, GRANT ... WITH INHERIT, column STORAGE, OLD/NEW in RETURNING,
     * partition SPLIT/MERGE). For a newer target a statement holding one is not judged by the older grammar.
     */
    private static final Set<String> NEWER_WORDS = Set.of("JSON", "JSON_TABLE", "JSON_ARRAY", "JSON_OBJECT",
            "JSON_ARRAYAGG", "JSON_OBJECTAGG", "JSON_QUERY", "JSON_VALUE", "JSON_EXISTS", "JSON_SCALAR",
            "JSON_SERIALIZE", "SYSTEM_USER", "MERGE", "MERGE_ACTION", "EXPRESSION", "VIRTUAL", "OVERLAPS", "PERIOD",
            "ENFORCED", "STORAGE", "INHERIT", "OLD", "NEW", "SPLIT", "PARTITIONS");

    /**
     * Whether a statement the PostgreSQL 15 grammar rejects may be valid for {@code target}: a newer release and a
     * statement that uses a word of newer syntax, or a number written as 0x1F, 0o17, 0b101 or 1_000 (PostgreSQL 16).
     */
    static boolean mayBeNewerSyntax(DialectTarget target, List<SqlToken> tokens) {
        if (target.version() == null || Integer.parseInt(target.version().split("\\.")[0]) <= GRAMMAR_MAJOR) {
            return false;
        }
        for (SqlToken token : tokens) {
            if (token.type() == SqlToken.Type.WORD && NEWER_WORDS.contains(token.text().toUpperCase(Locale.ROOT))
                    || token.type() == SqlToken.Type.NUMBER && (token.text().contains("_")
                    || token.text().length() > 1 && token.text().charAt(0) == '0' && Character.isLetter(token.text().charAt(1)))) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern QUOTED = Pattern.compile("\"(.*?)\"(?=$|[ :;,.)])", Pattern.DOTALL);

    private final LibPgQuery library;

    private PostgresGrammar(LibPgQuery library) {
        this.library = library;
    }

    /** The grammar, or empty when libpg_query cannot be loaded on this machine. */
    static Optional<PostgresGrammar> load() {
        for (String name : LIBRARY_NAMES) {
            try {
                return Optional.of(new PostgresGrammar(Native.load(name, LibPgQuery.class,
                        Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY | RTLD_NODELETE))));
            } catch (UnsatisfiedLinkError e) {
                // try the next name; none found means the package is not installed
            }
        }
        return Optional.empty();
    }

    /**
     * What the grammar made of {@code sql}.
     *
     * @param rejection empty when PostgreSQL's grammar accepts it
     * @param tree      libpg_query's JSON parse tree of an accepted text when it was asked for; otherwise null
     */
    record Verdict(Optional<Rejection> rejection, String tree) {
    }

    /** Empty when PostgreSQL's grammar accepts {@code sql} (one or more statements). */
    Optional<Rejection> check(String sql) {
        return parse(sql, false).rejection();
    }

    /** Parses {@code sql}; {@code withTree} also copies the parse tree out, which costs a string of its size. */
    Verdict parse(String sql, boolean withTree) {
        byte[] utf8 = sql.getBytes(StandardCharsets.UTF_8);
        ParseResult.ByValue result = library.pg_query_parse(Arrays.copyOf(utf8, utf8.length + 1));
        try {
            if (result.error == null) {
                String tree = withTree && result.parseTree != null
                        ? result.parseTree.getString(0, StandardCharsets.UTF_8.name()) : null;
                return new Verdict(Optional.empty(), tree);
            }
            Error error = new Error(result.error);
            return new Verdict(Optional.of(new Rejection(withoutLongQuotes(error.message),
                    characterIndex(sql, error.cursorpos))), null);
        } finally {
            library.pg_query_free_parse_result(result);
        }
    }

    /**
     * A syntax error in a PL/pgSQL body, which PostgreSQL reports when the function is created (its validator
     * compiles the body) or the DO block runs.
     *
     * @param message  PostgreSQL's message, e.g. {@code syntax error at or near "RETURN"}
     * @param bodyLine a line within the body, from 1: the line its text starts on after the opening quote, or the
     *                 next one when the quote ends its line
     */
    record BodyRejection(String message, int bodyLine) {
    }

    private static final Pattern BODY_LINE = Pattern.compile("near line (\\d+)");

    /**
     * Compiles the PL/pgSQL bodies of a {@code CREATE FUNCTION}/{@code PROCEDURE} or {@code DO} statement the
     * grammar accepted. Only syntax errors count: libpg_query compiles without a catalog, so it cannot know a
     * function's result type or a cursor variable's, and its other complaints may be wrong where PostgreSQL's
     * are not.
     */
    Optional<BodyRejection> checkPlpgsql(String sql) {
        byte[] utf8 = sql.getBytes(StandardCharsets.UTF_8);
        PlpgsqlParseResult.ByValue result = library.pg_query_parse_plpgsql(Arrays.copyOf(utf8, utf8.length + 1));
        try {
            if (result.error == null) {
                return Optional.empty();
            }
            Error error = new Error(result.error);
            if (error.message == null || !error.message.startsWith("syntax error")
                    && !error.message.startsWith("unterminated")) {
                return Optional.empty();
            }
            Matcher line = BODY_LINE.matcher(error.context == null ? "" : error.context);
            return Optional.of(new BodyRejection(withoutLongQuotes(error.message),
                    line.find() ? Integer.parseInt(line.group(1)) : 1));
        } finally {
            library.pg_query_free_plpgsql_parse_result(result);
        }
    }

    /**
     * PostgreSQL quotes the offending text in double quotes; a string literal or anything long is not repeated,
     * since it may hold a secret.
     */
    static String withoutLongQuotes(String message) {
        Matcher quoted = QUOTED.matcher(message);
        StringBuilder safe = new StringBuilder();
        while (quoted.find()) {
            String text = quoted.group(1);
            String shown = StatementParser.quotable(text) ? "'" + text + "'"
                    : "a token of " + text.length() + " characters";
            quoted.appendReplacement(safe, Matcher.quoteReplacement(shown));
        }
        return quoted.appendTail(safe).toString();
    }

    /** PostgreSQL counts the cursor in characters from 1 (0: no position); Java counts UTF-16 units from 0. */
    private static int characterIndex(String sql, int cursor) {
        if (cursor <= 0) {
            return -1;
        }
        int codePoints = sql.codePointCount(0, sql.length());
        return cursor - 1 >= codePoints ? sql.length() : sql.offsetByCodePoints(0, cursor - 1);
    }
}
