package dev.drydock.validator.rules;

import dev.drydock.shared.sql.SqlStatement;
import dev.drydock.shared.sql.SqlToken;

import java.util.List;

/**
 * A data statement rewritten so that Calcite's parser reads it, every character kept in its place (what is left
 * out becomes spaces, so Calcite's line and column still point into the file). What is left out does not change
 * which columns the rest names: MySQL's and SQLite's conflict modifiers ({@code INSERT IGNORE}, {@code INSERT OR
 * REPLACE}), the tail clauses PostgreSQL and MySQL add ({@code ON CONFLICT ...}, {@code ON DUPLICATE KEY UPDATE
 * ...}, {@code RETURNING ...}), PostgreSQL's {@code ::type} casts and its JSON operators with their key
 * ({@code ->> 'a'}). Columns named only in what is left out are not checked.
 */
final class CalciteReadable {

    private CalciteReadable() {
    }

    static String of(SqlStatement statement) {
        char[] text = statement.text().toCharArray();
        int base = statement.startOffset();
        List<SqlToken> tokens = statement.tokens();
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (i == 1 && (token.isWord("IGNORE") || token.isWord("LOW_PRIORITY") || token.isWord("DELAYED")
                    || token.isWord("HIGH_PRIORITY"))) {
                blank(text, base, token, token);
            } else if (i == 1 && token.isWord("OR") && i + 1 < tokens.size()) {
                blank(text, base, token, tokens.get(i + 1));
            }
            depth += token.nesting();
            boolean tail = depth == 0 && (token.isWord("RETURNING") || token.isWord("ON") && i + 1 < tokens.size()
                    && (tokens.get(i + 1).isWord("CONFLICT") || tokens.get(i + 1).isWord("DUPLICATE")));
            if (tail) {
                blank(text, base, token, tokens.get(tokens.size() - 1));
                break;
            }
            if (token.isSymbol(':') && i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(':')) {
                int end = castEnd(tokens, i + 2);
                blank(text, base, token, tokens.get(end));
                i = end;
            } else if (token.isSymbol('-') && i + 2 < tokens.size() && tokens.get(i + 1).isSymbol('>')
                    && tokens.get(i + 1).start() == token.end()) {
                int operand = tokens.get(i + 2).isSymbol('>') ? i + 3 : i + 2;
                if (operand < tokens.size() && (tokens.get(operand).type() == SqlToken.Type.STRING
                        || tokens.get(operand).type() == SqlToken.Type.NUMBER)) {
                    blank(text, base, token, tokens.get(operand));
                    i = operand;
                }
            }
        }
        return new String(text);
    }

    /** The last token of the type after {@code ::}: a name, its (precision) and any []. */
    private static int castEnd(List<SqlToken> tokens, int type) {
        int end = type;
        if (end + 1 < tokens.size() && tokens.get(end + 1).isSymbol('(')) {
            while (end + 1 < tokens.size() && !tokens.get(end).isSymbol(')')) {
                end++;
            }
        }
        while (end + 2 < tokens.size() && tokens.get(end + 1).isSymbol('[') && tokens.get(end + 2).isSymbol(']')) {
            end += 2;
        }
        return end;
    }

    /** Spaces from {@code from}'s first character to {@code to}'s last; line breaks stay. */
    private static void blank(char[] text, int base, SqlToken from, SqlToken to) {
        for (int i = from.start() - base; i < Math.min(text.length, to.end() - base); i++) {
            if (text[i] != '\n' && text[i] != '\r') {
                text[i] = ' ';
            }
        }
    }
}
