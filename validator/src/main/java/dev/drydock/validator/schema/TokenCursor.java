package dev.drydock.validator.schema;

import dev.drydock.shared.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads a statement's tokens left to right; never throws past the end, where it returns nulls and false. */
final class TokenCursor {

    private final List<SqlToken> tokens;
    private int at;

    TokenCursor(List<SqlToken> tokens) {
        this(tokens, 0);
    }

    TokenCursor(List<SqlToken> tokens, int at) {
        this.tokens = tokens;
        this.at = at;
    }

    boolean atEnd() {
        return at >= tokens.size();
    }

    SqlToken peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    SqlToken peek(int ahead) {
        return at + ahead < tokens.size() ? tokens.get(at + ahead) : null;
    }

    SqlToken next() {
        return at < tokens.size() ? tokens.get(at++) : null;
    }

    /** The token the cursor last moved over, or the first one, for pointing at in a finding. */
    SqlToken current() {
        if (tokens.isEmpty()) {
            return null;
        }
        return tokens.get(Math.max(0, Math.min(at, tokens.size()) - 1));
    }

    boolean isWord(String word) {
        SqlToken token = peek();
        return token != null && token.isWord(word);
    }

    boolean isSymbol(char symbol) {
        SqlToken token = peek();
        return token != null && token.isSymbol(symbol);
    }

    /** Moves over {@code words} when they all come next; otherwise stays. */
    boolean accept(String... words) {
        for (int i = 0; i < words.length; i++) {
            SqlToken token = peek(i);
            if (token == null || !token.isWord(words[i])) {
                return false;
            }
        }
        at += words.length;
        return true;
    }

    boolean acceptSymbol(char symbol) {
        if (isSymbol(symbol)) {
            at++;
            return true;
        }
        return false;
    }

    /** {@code IF NOT EXISTS} or {@code IF EXISTS}, when next. */
    boolean acceptIfNotExists() {
        return accept("IF", "NOT", "EXISTS");
    }

    boolean acceptIfExists() {
        return accept("IF", "EXISTS");
    }

    /** PostgreSQL 15's {@code NULLS [NOT] DISTINCT} after UNIQUE, when next. */
    boolean acceptNullsDistinct() {
        return accept("NULLS", "DISTINCT") || accept("NULLS", "NOT", "DISTINCT");
    }

    /** A possibly qualified name, unquoted and in lower case, or null when no name is next. */
    String name() {
        SqlToken token = peek();
        if (token == null || !isNamePart(token)) {
            return null;
        }
        StringBuilder name = new StringBuilder(unquote(next()));
        while (isSymbol('.') && peek(1) != null && isNamePart(peek(1))) {
            next();
            name.append('.').append(unquote(next()));
        }
        return name.toString();
    }

    /** The tokens inside the parentheses that come next, the cursor moved past the closing one; empty if none. */
    List<SqlToken> parenthesized() {
        if (!isSymbol('(')) {
            return List.of();
        }
        int depth = 0;
        int start = at + 1;
        while (at < tokens.size()) {
            SqlToken token = tokens.get(at++);
            if (token.isSymbol('(')) {
                depth++;
            } else if (token.isSymbol(')') && --depth == 0) {
                return tokens.subList(start, at - 1);
            }
        }
        return tokens.subList(start, tokens.size());
    }

    /** Moves over tokens up to (not including) the next top-level comma or one of {@code words}, returning them. */
    List<SqlToken> until(String... words) {
        int start = at;
        int depth = 0;
        while (at < tokens.size()) {
            SqlToken token = tokens.get(at);
            depth += token.nesting();
            if (depth == 0 && (token.isSymbol(',') || isAnyWord(token, words))) {
                break;
            }
            at++;
        }
        return tokens.subList(start, at);
    }

    /** The tokens not read yet, without reading them. */
    List<SqlToken> ahead() {
        return tokens.subList(Math.min(at, tokens.size()), tokens.size());
    }

    List<SqlToken> rest() {
        List<SqlToken> rest = tokens.subList(Math.min(at, tokens.size()), tokens.size());
        at = tokens.size();
        return rest;
    }

    /** Splits a token list at its top-level commas. */
    static List<List<SqlToken>> splitOnCommas(List<SqlToken> tokens) {
        List<List<SqlToken>> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            depth += token.nesting();
            if (depth == 0 && token.isSymbol(',')) {
                parts.add(tokens.subList(start, i));
                start = i + 1;
            }
        }
        if (start < tokens.size()) {
            parts.add(tokens.subList(start, tokens.size()));
        }
        return parts;
    }

    /** Tokens joined by single spaces, words in lower case: two spellings of one expression compare equal. */
    static String normalized(List<SqlToken> tokens) {
        StringBuilder text = new StringBuilder();
        for (SqlToken token : tokens) {
            if (!text.isEmpty() && !token.isSymbol(')') && !token.isSymbol(',') && !endsWith(text, '(')) {
                text.append(' ');
            }
            text.append(token.type() == SqlToken.Type.WORD ? token.text().toLowerCase(Locale.ROOT)
                    : token.type() == SqlToken.Type.QUOTED_IDENTIFIER ? unquote(token).toLowerCase(Locale.ROOT)
                    : token.text());
        }
        return text.toString();
    }

    /**
     * An expression (a default, an index predicate) as PostgreSQL compares it: without {@code ::type} casts and
     * without grouping parentheses, which it adds and drops on its own when it stores the expression.
     */
    static String expression(List<SqlToken> tokens) {
        List<SqlToken> kept = new ArrayList<>();
        java.util.Deque<Boolean> groups = new java.util.ArrayDeque<>();
        for (SqlToken token : withoutCasts(tokens)) {
            if (token.isSymbol('(')) {
                boolean call = !kept.isEmpty() && isNamePart(kept.get(kept.size() - 1))
                        && !isKeyword(kept.get(kept.size() - 1));
                groups.push(call);
                if (!call) {
                    continue;
                }
            } else if (token.isSymbol(')')) {
                if (!groups.isEmpty() && !groups.pop()) {
                    continue;
                }
            }
            kept.add(token);
        }
        return normalized(kept);
    }

    /** {@code []} after a cast's type ({@code ::text[]}); a lone {@code ]} closes something else, as ARRAY[...]. */
    private static boolean arraySuffix(List<SqlToken> tokens, int at) {
        return tokens.get(at).isSymbol('[') && at + 1 < tokens.size() && tokens.get(at + 1).isSymbol(']');
    }

    /** The tokens without {@code ::type} casts. */
    static List<SqlToken> withoutCasts(List<SqlToken> tokens) {
        List<SqlToken> kept = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol(':') && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol(':')) {
                i += 2;
                while (i < tokens.size() && (isNamePart(tokens.get(i)) && !isKeyword(tokens.get(i))
                        || tokens.get(i).isSymbol('.') || arraySuffix(tokens, i))) {
                    i += arraySuffix(tokens, i) ? 2 : 1;
                }
                i--;
                continue;
            }
            kept.add(tokens.get(i));
        }
        return kept;
    }

    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("AND", "OR", "NOT", "WHERE", "IN", "IS",
            "NULL", "CASE", "WHEN", "THEN", "ELSE", "END", "DESC", "ASC", "ON", "AS", "USING");

    static boolean isKeyword(SqlToken token) {
        return token.type() == SqlToken.Type.WORD && KEYWORDS.contains(token.text().toUpperCase(Locale.ROOT));
    }

    /** Tokens joined by single spaces as written: SQLite keeps a default's text exactly so. */
    static String verbatim(List<SqlToken> tokens) {
        return tokens.stream().map(SqlToken::text).collect(java.util.stream.Collectors.joining(" "));
    }

    /** The identifiers of a token list, unquoted and in lower case. */
    static List<String> identifiers(List<SqlToken> tokens) {
        List<String> names = new ArrayList<>();
        for (SqlToken token : tokens) {
            if (isNamePart(token)) {
                names.add(unquote(token));
            }
        }
        return names;
    }

    static boolean isNamePart(SqlToken token) {
        return token.type() == SqlToken.Type.WORD || token.type() == SqlToken.Type.QUOTED_IDENTIFIER;
    }

    static String unquote(SqlToken token) {
        return token.unquoted().toLowerCase(Locale.ROOT);
    }

    private static boolean isAnyWord(SqlToken token, String[] words) {
        for (String word : words) {
            if (token.isWord(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWith(StringBuilder text, char c) {
        return text.charAt(text.length() - 1) == c;
    }
}
