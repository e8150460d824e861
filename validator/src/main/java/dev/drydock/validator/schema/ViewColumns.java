package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlLexer;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.shared.sql.TopLevel;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Whether a PostgreSQL view certainly uses a column of a table: PostgreSQL records each column a view's query names
 * and refuses to drop it, or change its type, while the view stands. Read from the view's text, so only the plain
 * shape is judged: one table in FROM (no join, no subquery, no UNION, no WITH) and the column named outright in the
 * query, not as an alias, a function or a typed literal. {@code SELECT *} is not counted: PostgreSQL expands it
 * when the view is made, and the model does not know whether the column existed then. Anything else is no proof.
 */
final class ViewColumns {

    /** The words after which a name is an expression's operand, not an alias. */
    private static final Set<String> OPERAND_AFTER = Set.of("SELECT", "DISTINCT", "ALL", "WHERE", "AND", "OR", "NOT",
            "ON", "BY", "WHEN", "THEN", "ELSE", "CASE", "IN", "IS", "BETWEEN", "LIKE", "ILIKE", "HAVING", "ANY", "SOME");
    private static final Set<String> AFTER_FROM = Set.of("WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET",
            "WINDOW", "FETCH", "FOR", "WITH");

    private ViewColumns() {
    }

    /**
     * @param definition the view's text after its name, as the model keeps it ({@code as select ... from t ...})
     * @param key        turns a name as written into the model's key (search path, schema)
     */
    static boolean certainlyUses(String definition, String table, String column, UnaryOperator<String> key) {
        List<SqlToken> tokens = SqlLexer.tokens(Dialect.POSTGRESQL, definition).stream()
                .filter(token -> !token.isComment()).toList();
        int select = TopLevel.indexOfWord(tokens, "SELECT");
        int from = TopLevel.indexOfWord(tokens, "FROM");
        int with = TopLevel.indexOfWord(tokens, "WITH");
        if (select < 0 || from < select || hasAny(tokens, "UNION", "INTERSECT", "EXCEPT", "JOIN", "LATERAL")
                || with >= 0 && with < select || hasSubquery(tokens)) {
            return false;
        }
        int at = from + 1;
        if (at >= tokens.size() || !TokenCursor.isNamePart(tokens.get(at))) {
            return false;
        }
        StringBuilder relation = new StringBuilder(tokens.get(at).unquoted().toLowerCase(Locale.ROOT));
        at++;
        while (at + 1 < tokens.size() && tokens.get(at).isSymbol('.')) {
            relation.append('.').append(tokens.get(at + 1).unquoted().toLowerCase(Locale.ROOT));
            at += 2;
        }
        String alias = null;
        if (at < tokens.size() && tokens.get(at).isWord("AS")) {
            at++;
        }
        if (at < tokens.size() && TokenCursor.isNamePart(tokens.get(at)) && !isWordIn(tokens.get(at), AFTER_FROM)) {
            alias = tokens.get(at).unquoted().toLowerCase(Locale.ROOT);
            at++;
        }
        if (at < tokens.size() && !isWordIn(tokens.get(at), AFTER_FROM) || !table.equals(key.apply(relation.toString()))) {
            return false; // a second relation, or another table
        }
        String bare = relation.substring(relation.lastIndexOf(".") + 1);
        return namesColumn(tokens, select, column, alias, bare);
    }

    private static boolean namesColumn(List<SqlToken> tokens, int select, String column, String alias, String table) {
        for (int i = select + 1; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.isWord("AS") && i + 1 < tokens.size() && matches(tokens.get(i + 1), column)) {
                return false; // an output column of that name: a later mention may mean it
            }
        }
        for (int i = select + 1; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (!matches(token, column)) {
                continue;
            }
            SqlToken next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (next != null && (next.isSymbol('(') || next.type() == SqlToken.Type.STRING || next.isSymbol('.'))) {
                continue; // a function, a typed literal, or a qualifier itself
            }
            SqlToken before = tokens.get(i - 1);
            if (before.isSymbol('.')) {
                String qualifier = i >= 2 ? tokens.get(i - 2).unquoted().toLowerCase(Locale.ROOT) : "";
                if (qualifier.equals(alias) || alias == null && qualifier.equals(table)) {
                    return true;
                }
            } else if (isWordIn(before, OPERAND_AFTER) || before.type() == SqlToken.Type.SYMBOL && !before.isSymbol(')')) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(SqlToken token, String column) {
        return TokenCursor.isNamePart(token) && token.unquoted().toLowerCase(Locale.ROOT).equals(column);
    }


    private static boolean isWordIn(SqlToken token, Set<String> words) {
        return token.type() == SqlToken.Type.WORD && words.contains(token.text().toUpperCase(Locale.ROOT));
    }

    private static boolean hasAny(List<SqlToken> tokens, String... words) {
        return tokens.stream().anyMatch(token -> isWordIn(token, Set.of(words)));
    }

    private static boolean hasSubquery(List<SqlToken> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isSymbol('(') && (tokens.get(i + 1).isWord("SELECT") || tokens.get(i + 1).isWord("VALUES")
                    || tokens.get(i + 1).isWord("WITH"))) {
                return true;
            }
        }
        return false;
    }
}
