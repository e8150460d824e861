package dev.drydock.shared.sql;

/** One lexical token of a script: {@code text[start, end)}. */
public record SqlToken(Type type, int start, int end, String text) {

    public enum Type { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL, LINE_COMMENT, BLOCK_COMMENT }

    public boolean isWord(String upperCase) {
        return type == Type.WORD && text.equalsIgnoreCase(upperCase);
    }

    public boolean isSymbol(char symbol) {
        return type == Type.SYMBOL && text.length() == 1 && text.charAt(0) == symbol;
    }

    public boolean isComment() {
        return type == Type.LINE_COMMENT || type == Type.BLOCK_COMMENT;
    }
}
