package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlLexer;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.shared.sql.TopLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns a PostgreSQL view puts out, read from its text, for what {@code CREATE OR REPLACE VIEW} may change:
 * PostgreSQL lets the new query only add columns at the end ("cannot drop columns from view", "cannot change name of
 * view column"). Their number is certain whenever the select list has no {@code *}; a column's name only when it is
 * written: an explicit column list, {@code AS name}, a bare or qualified column ({@code t.a}, also cast), or an alias
 * after a parenthesis ({@code count(*) total}). Any other name is left unknown (null), as PostgreSQL's own choice for
 * an expression ({@code ?column?}, a function's name) is not read here.
 */
final class ViewOutput {

    /** The words that end a select list. */
    private static final Set<String> AFTER_LIST = Set.of("FROM", "UNION", "INTERSECT", "EXCEPT", "WHERE", "GROUP",
            "HAVING", "ORDER", "LIMIT", "OFFSET", "WINDOW", "FETCH", "INTO", "WITH");
    /** Words that end an expression and are no alias. */
    private static final Set<String> NOT_NAME = Set.of("NULL", "TRUE", "FALSE", "END", "DESC", "ASC");

    private ViewOutput() {
    }

    /**
     * The view's column names in order, a null for each not written; null when their number is not known
     * ({@code *}, a query that is not a SELECT).
     *
     * @param definition the view's text after its name, as the model keeps it
     * @param starColumns the columns its {@code SELECT * FROM t} stood for when it was made ({@code t.a}), or none
     */
    static List<String> names(String definition, List<String> starColumns) {
        if (!starColumns.isEmpty()) {
            return starColumns.stream().map(column -> column.substring(column.lastIndexOf('.') + 1)).toList();
        }
        List<SqlToken> tokens = SqlLexer.tokens(Dialect.POSTGRESQL, definition).stream()
                .filter(token -> !token.isComment()).toList();
        List<String> declared = new ArrayList<>();
        if (!tokens.isEmpty() && tokens.get(0).isSymbol('(')) {
            int close = SqlToken.closingParenthesis(tokens, 0);
            if (close < 0) {
                return null;
            }
            for (List<SqlToken> part : TokenCursor.splitOnCommas(tokens.subList(1, close))) {
                declared.add(part.size() == 1 ? TokenCursor.unquote(part.get(0)) : null);
            }
        }
        int select = TopLevel.indexOfWord(tokens, "SELECT");
        if (select < 0) {
            return null;
        }
        int at = select + 1;
        if (at < tokens.size() && tokens.get(at).isWord("DISTINCT")) {
            at++;
            if (at < tokens.size() && tokens.get(at).isWord("ON")) {
                int close = at + 1 < tokens.size() && tokens.get(at + 1).isSymbol('(')
                        ? SqlToken.closingParenthesis(tokens, at + 1) : -1;
                if (close < 0) {
                    return null;
                }
                at = close + 1;
            }
        } else if (at < tokens.size() && tokens.get(at).isWord("ALL")) {
            at++;
        }
        int end = at;
        int depth = 0;
        while (end < tokens.size() && !(depth == 0 && tokens.get(end).type() == SqlToken.Type.WORD
                && AFTER_LIST.contains(tokens.get(end).text().toUpperCase(Locale.ROOT)))) {
            depth += tokens.get(end).nesting();
            end++;
        }
        List<String> names = new ArrayList<>();
        for (List<SqlToken> item : TokenCursor.splitOnCommas(tokens.subList(at, end))) {
            if (item.isEmpty() || item.get(item.size() - 1).isSymbol('*')) {
                return null;
            }
            names.add(name(item));
        }
        for (int i = 0; i < declared.size() && i < names.size(); i++) {
            names.set(i, declared.get(i));
        }
        return names;
    }

    private static String name(List<SqlToken> item) {
        int size = item.size();
        if (size >= 2 && item.get(size - 2).isWord("AS")) {
            return nameOf(item.get(size - 1));
        }
        while (size >= 4 && item.get(size - 3).isSymbol(':') && item.get(size - 2).isSymbol(':')) {
            size -= 3; // a cast to a one-word type keeps the column's name: a::text is a
        }
        if (size == 1) {
            return nameOf(item.get(0));
        }
        if (size == 3 && item.get(1).isSymbol('.')) {
            return nameOf(item.get(2));
        }
        if (size == item.size() && size >= 2 && item.get(size - 2).isSymbol(')')) {
            return nameOf(item.get(size - 1));
        }
        return null;
    }

    private static String nameOf(SqlToken token) {
        boolean name = token.type() == SqlToken.Type.QUOTED_IDENTIFIER || token.type() == SqlToken.Type.WORD
                && !NOT_NAME.contains(token.text().toUpperCase(Locale.ROOT));
        return name ? TokenCursor.unquote(token) : null;
    }
}
