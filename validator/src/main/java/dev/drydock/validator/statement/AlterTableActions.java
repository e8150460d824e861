package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The comma-separated actions of an {@code ALTER TABLE} statement, each as its tokens from its verb on. */
public final class AlterTableActions {

    private AlterTableActions() {
    }

    public static List<List<SqlToken>> of(List<SqlToken> tokens) {
        List<List<SqlToken>> actions = new ArrayList<>();
        int at = firstAction(tokens);
        while (at < tokens.size()) {
            List<SqlToken> action = action(tokens, at);
            if (!action.isEmpty()) { // ",," is a syntax error; the rules read the actions around it
                actions.add(action);
            }
            at += action.size() + 1;
        }
        return actions;
    }


    /** Where the first action starts: after {@code ALTER TABLE [IF EXISTS] [ONLY] name}. */
    public static int firstAction(List<SqlToken> tokens) {
        int i = 2;
        if (i + 1 < tokens.size() && tokens.get(i).isWord("IF") && tokens.get(i + 1).isWord("EXISTS")) {
            i += 2;
        }
        if (i < tokens.size() && tokens.get(i).isWord("ONLY")) {
            i++;
        }
        i++;
        while (i + 1 < tokens.size() && tokens.get(i).isSymbol('.')) {
            i += 2;
        }
        return i;
    }

    /** The tokens of the action starting at {@code at}, up to the next top-level comma. */
    public static List<SqlToken> action(List<SqlToken> tokens, int at) {
        int depth = 0;
        int end = at;
        while (end < tokens.size()) {
            SqlToken token = tokens.get(end);
            depth += token.nesting();
            if (depth == 0 && token.isSymbol(',')) {
                break;
            }
            end++;
        }
        return tokens.subList(at, end);
    }

    /** The comma-separated elements of a parenthesized list, from after its {@code (} to its closing {@code )}. */
    public static List<List<SqlToken>> elements(List<SqlToken> inside) {
        List<List<SqlToken>> elements = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inside.size(); i++) {
            SqlToken token = inside.get(i);
            if (token.isSymbol(')') && depth == 0) {
                elements.add(inside.subList(start, i));
                return elements;
            }
            depth += token.nesting();
            if (depth == 0 && token.isSymbol(',')) {
                elements.add(inside.subList(start, i));
                start = i + 1;
            }
        }
        elements.add(inside.subList(start, inside.size()));
        return elements;
    }

    /** The actions that add a column ({@code ADD [COLUMN] name type ...}), each from its ADD on. */
    public static List<List<SqlToken>> addedColumns(List<SqlToken> tokens) {
        return of(tokens).stream().filter(action -> action.size() > 1 && action.get(0).isWord("ADD")
                && !isConstraintWord(action.get(1))).toList();
    }

    /** The actions that add a constraint or an index ({@code ADD CONSTRAINT}, {@code ADD FOREIGN KEY}, MySQL's {@code ADD INDEX}). */
    public static List<List<SqlToken>> addedConstraints(List<SqlToken> tokens) {
        return of(tokens).stream().filter(action -> action.size() > 1 && action.get(0).isWord("ADD")
                && isConstraintWord(action.get(1))).toList();
    }

    private static boolean isConstraintWord(SqlToken token) {
        return isWordIn(token, "CONSTRAINT", "FOREIGN", "CHECK", "PRIMARY", "UNIQUE", "INDEX", "KEY");
    }


    /** The column name from {@code from} on, after {@code COLUMN}, {@code IF} and {@code EXISTS}; "?" when none. */
    public static String columnAfter(List<SqlToken> action, int from) {
        int i = from;
        while (i < action.size() && isWordIn(action.get(i), "COLUMN", "IF", "EXISTS")) {
            i++;
        }
        return i < action.size() ? action.get(i).unquoted().toLowerCase(Locale.ROOT) : "?";
    }

    /** Whether the token is one of the words. */
    public static boolean isWordIn(SqlToken token, String... words) {
        for (String word : words) {
            if (token.isWord(word)) {
                return true;
            }
        }
        return false;
    }

    public static boolean has(List<SqlToken> action, String word) {
        return action.stream().anyMatch(token -> token.isWord(word));
    }
}
