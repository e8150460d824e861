package dev.drydock.shared.sql;

import java.util.List;

/**
 * A statement's tokens outside every parenthesis: where its own clauses stand, as opposed to a subquery's or a
 * function call's ({@code WHERE} of the statement, not of {@code (SELECT ... WHERE ...)}).
 */
public final class TopLevel {

    private TopLevel() {
    }

    /** The index of the first {@code word} outside every parenthesis, or -1. */
    public static int indexOfWord(List<SqlToken> tokens, String word) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            depth += token.nesting();
            if (depth == 0 && token.isWord(word)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the last {@code word} outside every parenthesis, or -1. */
    public static int lastIndexOfWord(List<SqlToken> tokens, String word) {
        int depth = 0;
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            depth += token.nesting();
            if (depth == 0 && token.isWord(word)) {
                last = i;
            }
        }
        return last;
    }
}
