package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A PostgreSQL function's or procedure's definition (what follows its arguments) as PostgreSQL keeps it: the
 * result type in its one spelling, the language, the attributes that are not the defaults in a fixed order, and
 * the body's text between its quotes, whichever quotes. {@code RETURNS int AS $$...$$ LANGUAGE sql IMMUTABLE} and
 * pg_dump's {@code RETURNS integer LANGUAGE sql IMMUTABLE AS $_$...$_$} are then one function.
 */
final class RoutineDefinition {

    private static final Set<String> CLAUSES = Set.of("LANGUAGE", "AS", "IMMUTABLE", "STABLE", "VOLATILE", "STRICT",
            "CALLED", "SECURITY", "EXTERNAL", "PARALLEL", "COST", "ROWS", "SET", "WINDOW", "LEAKPROOF", "NOT",
            "SUPPORT", "TRANSFORM", "BEGIN", "RETURN", "RETURNS");
    /** What PostgreSQL assumes when nothing is written. */
    private static final Set<String> DEFAULTS = Set.of("volatile", "called on null input", "security invoker",
            "external security invoker", "not leakproof", "parallel unsafe");

    private RoutineDefinition() {
    }

    /** {@code SETOF t} and {@code TABLE (c t, ...)} with each type in its one spelling, or the type itself. */
    private static String resultType(List<SqlToken> type) {
        if (!type.isEmpty() && type.get(0).isWord("SETOF")) {
            return "setof " + resultType(type.subList(1, type.size()));
        }
        if (type.size() > 1 && type.get(0).isWord("TABLE") && type.get(1).isSymbol('(')) {
            List<String> columns = new ArrayList<>();
            for (List<SqlToken> column : TokenCursor.splitOnCommas(new TokenCursor(type, 1).parenthesized())) {
                columns.add(column.isEmpty() ? "" : TokenCursor.unquote(column.get(0)) + " "
                        + resultType(column.subList(1, column.size())));
            }
            return "table (" + String.join(", ", columns) + ")";
        }
        return TypeName.normalize(Dialect.POSTGRESQL, TokenCursor.normalized(type));
    }

    static String canonical(List<SqlToken> definition) {
        String returns = "";
        String language = "";
        List<String> bodies = new ArrayList<>();
        TreeSet<String> attributes = new TreeSet<>();
        int at = 0;
        while (at < definition.size()) {
            SqlToken token = definition.get(at);
            int end = clauseEnd(definition, at + 1);
            List<SqlToken> clause = definition.subList(at, end);
            String text = TokenCursor.normalized(clause);
            if (token.isWord("RETURNS") && !text.startsWith("returns null on null input")) {
                returns = resultType(clause.subList(1, clause.size()));
            } else if (token.isWord("LANGUAGE") && clause.size() > 1) {
                language = clause.get(1).unquoted().toLowerCase(Locale.ROOT);
            } else if (token.isWord("AS")) {
                clause.subList(1, clause.size()).stream().filter(part -> part.type() == SqlToken.Type.STRING)
                        .map(RoutineDefinition::body).forEach(bodies::add);
            } else {
                String attribute = text.equals("strict") || text.equals("returns null on null input")
                        ? "strict" : text;
                if (!DEFAULTS.contains(attribute)) {
                    attributes.add(attribute);
                }
            }
            at = end;
        }
        // the body as written, spaces and all: PostgreSQL keeps it so, and pg_dump prints it so
        return ("returns " + returns + " language " + language + " " + String.join(" ", attributes))
                .replaceAll("\\s+", " ").trim() + " as " + String.join(", ", bodies);
    }

    /** PostgreSQL's built-in types, by which two functions' result types are compared. */
    private static final Set<String> BUILT_IN = Set.of("integer", "bigint", "smallint", "text", "character varying",
            "character", "boolean", "numeric", "real", "double precision", "void", "trigger", "event_trigger", "json",
            "jsonb", "uuid", "timestamp", "timestamp with time zone", "date", "time", "interval", "bytea", "record",
            "oid", "regclass", "inet");

    /**
     * Whether a function defined as {@code before} (its {@link #canonical} text) and then as {@code after} has
     * changed its result type, which {@code CREATE OR REPLACE FUNCTION} may not do. Only a result of built-in
     * types written in RETURNS is compared, without the lengths and precisions PostgreSQL drops from it; OUT
     * arguments and any other type leave it unjudged (false).
     */
    static boolean resultChanged(String before, String after) {
        String old = result(before);
        String changed = result(after);
        return old != null && changed != null && !old.equals(changed);
    }

    private static String result(String canonical) {
        String written = writtenResult(canonical);
        if (written == null) {
            return null;
        }
        String type = written.replaceAll("\\(.*?\\)", "");
        String element = type.replaceFirst("^setof ", "").replace("[]", "");
        return BUILT_IN.contains(element) ? type : null;
    }

    /** The result type of a function its {@link #canonical} text defines, as written there; null when it has none. */
    static String writtenResult(String canonical) {
        int end = canonical.indexOf(" language ");
        if (!canonical.startsWith("returns ") || end < "returns ".length()) {
            return null; // no RETURNS: OUT arguments, or a procedure
        }
        return canonical.substring("returns ".length(), end);
    }

    /** Whether a trigger may not call the function its {@link #canonical} text defines: a result other than trigger. */
    static boolean returnsOtherThanTrigger(String canonical) {
        String type = result(canonical);
        return type != null && !type.equals("trigger");
    }

    /** Where the clause starting before {@code from} ends: at the next clause word outside parentheses. */
    private static int clauseEnd(List<SqlToken> tokens, int from) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.isSymbol('(')) {
                depth++;
            } else if (token.isSymbol(')')) {
                depth--;
            } else if (depth == 0 && token.type() == SqlToken.Type.WORD
                    && CLAUSES.contains(token.text().toUpperCase(Locale.ROOT))
                    && !tokens.get(i - 1).isWord("NOT")) { // NOT LEAKPROOF is one clause
                return i;
            }
        }
        return tokens.size();
    }

    /** A body's text inside its quotes: {@code 'SELECT 1'} and {@code $$SELECT 1$$} are one body. */
    private static String body(SqlToken literal) {
        String text = literal.text();
        if (text.startsWith("$")) {
            int open = text.indexOf('$', 1);
            String tag = text.substring(0, open + 1);
            return text.endsWith(tag) && text.length() >= 2 * tag.length()
                    ? text.substring(tag.length(), text.length() - tag.length()) : text;
        }
        return literal.stringValue();
    }
}
