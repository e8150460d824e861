package dev.drydock.shared.sql;

/** One lexical token of a script: {@code text[start, end)}. */
public record SqlToken(Type type, int start, int end, String text) {

    public enum Type { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL, LINE_COMMENT, BLOCK_COMMENT }

    public boolean isWord(String upperCase) {
        return type == Type.WORD && text.equalsIgnoreCase(upperCase);
    }

    /** The index of the {@code )} that closes the {@code (} at {@code open} in {@code tokens}, or -1. */
    public static int closingParenthesis(java.util.List<SqlToken> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol('(')) {
                depth++;
            } else if (tokens.get(i).isSymbol(')') && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * +1 for a token that opens a nesting, -1 for one that closes it, else 0: parentheses, and the brackets of
     * PostgreSQL's {@code ARRAY['a', 'b']} and subscripts, whose commas separate nothing of the statement's own.
     */
    public int nesting() {
        return isSymbol('(') || isSymbol('[') ? 1 : isSymbol(')') || isSymbol(']') ? -1 : 0;
    }

    public boolean isSymbol(char symbol) {
        return type == Type.SYMBOL && text.length() == 1 && text.charAt(0) == symbol;
    }

    /**
     * The name a word or quoted identifier stands for, quotes removed (as written: the caller folds case). An
     * identifier left open at the end of a file has only its opening quote.
     */
    /** What a single-quoted string literal says ({@code 'it''s'} is {@code it's}); null for any other token. */
    public String stringValue() {
        if (type != Type.STRING || text.length() < 2 || text.charAt(0) != '\'' || !text.endsWith("'")) {
            return null;
        }
        return text.substring(1, text.length() - 1).replace("''", "'");
    }

    public String unquoted() {
        if (type != Type.QUOTED_IDENTIFIER || text.isEmpty()) {
            return text;
        }
        char close = text.charAt(0) == '[' ? ']' : text.charAt(0); // SQLite's [name] closes with ]
        boolean closed = text.length() >= 2 && text.charAt(text.length() - 1) == close;
        return text.substring(1, closed ? text.length() - 1 : text.length());
    }

    public boolean isComment() {
        return type == Type.LINE_COMMENT || type == Type.BLOCK_COMMENT;
    }
}
