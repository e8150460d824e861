package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A CHECK's condition in the shape PostgreSQL stores it, so that the condition as written and as pg_dump prints it
 * compare equal. PostgreSQL keeps the parsed tree, deparsed with casts and parentheses of its own: {@code a > 0}
 * comes back as {@code (a > 0)}, {@code name} of a varchar given to a text function as {@code (name)::text},
 * {@code s IN ('a', 'b')} as {@code s = ANY (ARRAY['a', 'b'])}. So casts are left out, IN and NOT IN lists are
 * written as PostgreSQL writes them, and parentheses are kept only where they shape the tree: around OR, around
 * AND that is not simply an operand of OR (AND binds tighter), and after NOT. {@code a AND (b AND c)} is not
 * {@code a AND b AND c} to PostgreSQL: it keeps the nesting.
 */
final class CheckCondition {

    private static final Set<String> BEFORE_LIST = Set.of("IN", "ANY", "ALL", "SOME", "EXISTS", "ARRAY", "VALUES");

    private CheckCondition() {
    }

    /** The condition as compared; SQLite keeps a CHECK's text as written, so there it is compared so. */
    static String of(Dialect dialect, List<SqlToken> condition) {
        return dialect == Dialect.SQLITE || dialect == Dialect.D1 ? TokenCursor.normalized(condition)
                : TokenCursor.normalized(ungrouped(lists(TokenCursor.withoutCasts(condition))));
    }

    /** {@code x IN (1, 2)} as {@code x = ANY (ARRAY[1, 2])}, and NOT IN as {@code <> ALL}; a subquery stays. */
    private static List<SqlToken> lists(List<SqlToken> tokens) {
        List<SqlToken> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            int open = token.isWord("IN") ? i + 1 : -1;
            int close = open >= 0 && open < tokens.size() && tokens.get(open).isSymbol('(')
                    ? SqlToken.closingParenthesis(tokens, open) : -1;
            if (close < 0 || tokens.get(open + 1).isWord("SELECT")) {
                out.add(token);
                continue;
            }
            boolean not = !out.isEmpty() && out.get(out.size() - 1).isWord("NOT");
            if (not) {
                out.remove(out.size() - 1);
            }
            if (not) { // as the lexer reads <>
                out.add(synthetic(SqlToken.Type.SYMBOL, "<"));
                out.add(synthetic(SqlToken.Type.SYMBOL, ">"));
            } else {
                out.add(synthetic(SqlToken.Type.SYMBOL, "="));
            }
            out.add(synthetic(SqlToken.Type.WORD, not ? "ALL" : "ANY"));
            out.add(synthetic(SqlToken.Type.SYMBOL, "("));
            out.add(synthetic(SqlToken.Type.WORD, "ARRAY"));
            out.add(synthetic(SqlToken.Type.SYMBOL, "["));
            out.addAll(lists(tokens.subList(open + 1, close)));
            out.add(synthetic(SqlToken.Type.SYMBOL, "]"));
            out.add(synthetic(SqlToken.Type.SYMBOL, ")"));
            i = close;
        }
        return out;
    }

    private static SqlToken synthetic(SqlToken.Type type, String text) {
        return new SqlToken(type, -1, -1, text);
    }

    private static List<SqlToken> ungrouped(List<SqlToken> tokens) {
        while (tokens.size() >= 2 && tokens.get(0).isSymbol('(')
                && SqlToken.closingParenthesis(tokens, 0) == tokens.size() - 1) {
            tokens = tokens.subList(1, tokens.size() - 1);
        }
        List<SqlToken> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            int close = token.isSymbol('(') ? SqlToken.closingParenthesis(tokens, i) : -1;
            if (close < 0) {
                out.add(token);
                continue;
            }
            SqlToken before = i > 0 ? tokens.get(i - 1) : null;
            boolean call = before != null && (TokenCursor.isNamePart(before) && !TokenCursor.isKeyword(before)
                    || before.type() == SqlToken.Type.WORD && BEFORE_LIST.contains(upper(before)));
            List<SqlToken> inner = ungrouped(tokens.subList(i + 1, close));
            if (call || shapesTree(inner, before, operator(tokens, i - 1, -1), operator(tokens, close + 1, 1))) {
                out.add(token);
                out.addAll(inner);
                out.add(tokens.get(close));
            } else {
                out.addAll(inner);
            }
            i = close;
        }
        return out;
    }

    /** Whether parentheses around {@code inner}, between the operators {@code left} and {@code right}, matter. */
    private static boolean shapesTree(List<SqlToken> inner, SqlToken before, String left, String right) {
        boolean or = topLevel(inner, "OR");
        boolean and = topLevel(inner, "AND");
        if (or || and && before != null && before.isWord("NOT")) {
            return true;
        }
        boolean operandOfOr = !"AND".equals(left) && !"AND".equals(right) && ("OR".equals(left) || "OR".equals(right));
        return and && !operandOfOr;
    }

    /** The nearest AND or OR beside position {@code from} at this level, walking in {@code step}; else null. */
    private static String operator(List<SqlToken> tokens, int from, int step) {
        int depth = 0;
        for (int i = from; i >= 0 && i < tokens.size(); i += step) {
            SqlToken token = tokens.get(i);
            if (token.isSymbol(step > 0 ? '(' : ')')) {
                depth++;
            } else if (token.isSymbol(step > 0 ? ')' : '(')) {
                depth--;
            } else if (depth == 0 && (token.isWord("AND") || token.isWord("OR"))) {
                return upper(token);
            }
        }
        return null;
    }

    private static boolean topLevel(List<SqlToken> tokens, String word) {
        int depth = 0;
        for (SqlToken token : tokens) {
            if (token.isSymbol('(')) {
                depth++;
            } else if (token.isSymbol(')')) {
                depth--;
            } else if (depth == 0 && token.isWord(word)) {
                return true;
            }
        }
        return false;
    }

    private static String upper(SqlToken token) {
        return token.text().toUpperCase(Locale.ROOT);
    }
}
