package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlLexer;
import dev.drydock.shared.sql.SqlToken;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The names PostgreSQL gives what a statement leaves unnamed, as its {@code makeObjectName},
 * {@code ChooseRelationName} and {@code FigureColname} do: {@code users_email_key}, {@code users_lower_idx},
 * 63 bytes at most (the longer of the two parts is cut first), and a number after the label when the name is
 * taken ({@code users_lower_idx1}).
 */
final class PostgresNames {

    private static final int MAX_BYTES = 63;

    private PostgresNames() {
    }

    /** The first of {@code name1_name2_label}, {@code name1_name2_label1}, ... that is not {@code taken}. */
    static String choose(String name1, String name2, String label, Predicate<String> taken) {
        String candidate = objectName(name1, name2, label);
        for (int pass = 1; taken.test(candidate); pass++) {
            candidate = objectName(name1, name2, label + pass);
        }
        return candidate;
    }

    /** {@code name1_name2_label} cut to 63 bytes, taking a character at a time from the longer of the two names. */
    private static String objectName(String name1, String name2, String label) {
        int overhead = label.length() + 1 + (name2 == null || name2.isEmpty() ? 0 : 1);
        int available = MAX_BYTES - overhead;
        String first = name1;
        String second = name2 == null ? "" : name2;
        while (bytes(first) + bytes(second) > available) {
            if (bytes(first) > bytes(second)) {
                first = first.substring(0, first.length() - 1);
            } else {
                second = second.substring(0, second.length() - 1);
            }
        }
        return first + (second.isEmpty() ? "" : "_" + second) + "_" + label;
    }

    /** The part an index's columns add to its name: each element's name joined by underscores. */
    static String indexColumns(List<List<SqlToken>> elements) {
        List<String> names = new ArrayList<>();
        for (List<SqlToken> element : elements) {
            names.add(elementName(element));
        }
        String joined = String.join("_", names);
        while (bytes(joined) > MAX_BYTES) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return joined;
    }

    /**
     * The same part for an index the model holds, from its definition ({@code [using m] (elements) [include (...)]
     * ...}): what {@code CREATE TABLE ... (LIKE t INCLUDING INDEXES)} names its copy by.
     */
    static String indexColumns(String definition) {
        List<SqlToken> tokens = SqlLexer.tokens(Dialect.POSTGRESQL, definition);
        int open = 0;
        while (open < tokens.size() && !tokens.get(open).isSymbol('(')) {
            open++;
        }
        int close = open < tokens.size() ? SqlToken.closingParenthesis(tokens, open) : -1;
        if (close < 0) {
            return "";
        }
        List<List<SqlToken>> elements = new ArrayList<>(TokenCursor.splitOnCommas(tokens.subList(open + 1, close)));
        if (close + 2 < tokens.size() && tokens.get(close + 1).isWord("INCLUDE") && tokens.get(close + 2).isSymbol('(')) {
            int end = SqlToken.closingParenthesis(tokens, close + 2);
            if (end > 0) {
                elements.addAll(TokenCursor.splitOnCommas(tokens.subList(close + 3, end)));
            }
        }
        return indexColumns(elements);
    }

    /** A column's name, a function's name, or {@code expr} for any other expression. */
    private static String elementName(List<SqlToken> element) {
        if (element.isEmpty()) {
            return "expr";
        }
        if (element.get(0).isSymbol('(')) {
            int close = SqlToken.closingParenthesis(element, 0);
            return close < 0 ? "expr" : expressionName(element.subList(1, close));
        }
        return expressionName(element);
    }

    /**
     * FigureColname: a column (also under a cast), a function call that is the whole expression, CASE; the
     * trailing ordering, operator class or collation of an index element does not count.
     */
    private static String expressionName(List<SqlToken> tokens) {
        if (tokens.isEmpty() || !TokenCursor.isNamePart(tokens.get(0))) {
            return "expr";
        }
        if (tokens.get(0).isWord("CASE")) {
            return "case";
        }
        int last = 0;
        while (last + 2 < tokens.size() && tokens.get(last + 1).isSymbol('.') && TokenCursor.isNamePart(tokens.get(last + 2))) {
            last += 2;
        }
        String name = name(tokens.get(last));
        int after = last + 1;
        if (after < tokens.size() && tokens.get(after).isSymbol('(')) {
            int close = SqlToken.closingParenthesis(tokens, after);
            return close >= 0 && endsElement(tokens, close + 1) ? name : "expr";
        }
        return endsElement(tokens, after) ? name : "expr";
    }

    /** Whether only a cast, an ordering, an operator class or a collation follows {@code from}. */
    private static boolean endsElement(List<SqlToken> tokens, int from) {
        if (from >= tokens.size()) {
            return true;
        }
        SqlToken next = tokens.get(from);
        return next.isSymbol(':') || next.type() == SqlToken.Type.WORD && !isOperatorWord(next);
    }

    private static boolean isOperatorWord(SqlToken token) {
        return token.isWord("AND") || token.isWord("OR") || token.isWord("IS") || token.isWord("LIKE")
                || token.isWord("ILIKE") || token.isWord("IN") || token.isWord("BETWEEN") || token.isWord("NOT");
    }


    /** Lower case, quoted or not: the model folds every name, so a name made from a quoted one must fold too. */
    private static String name(SqlToken token) {
        return token.unquoted().toLowerCase(Locale.ROOT);
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
