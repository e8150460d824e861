package dev.drydock.shared.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tokens of a script the way the dialect's own lexer does: doubled quotes, MySQL's backslash
 * escapes, PostgreSQL's {@code E''} strings and {@code $tag$} bodies, block comments that nest only in
 * PostgreSQL, {@code #} comments in MySQL, {@code [identifiers]} and backticks where allowed.
 * Unterminated strings, identifiers and comments become {@link LexicalError}s and run to the end.
 */
public final class SqlLexer {

    private final Dialect dialect;
    private final String text;
    private final int end;
    private final LineMap lines;
    private final List<LexicalError> errors = new ArrayList<>();
    private int pos;

    public SqlLexer(Dialect dialect, String text, int from, int to, LineMap lines) {
        this.dialect = dialect;
        this.text = text;
        this.pos = from;
        this.end = to;
        this.lines = lines;
    }

    /** Every token of {@code text}, comments included, for callers that need no splitting. */
    public static List<SqlToken> tokens(Dialect dialect, String text) {
        SqlLexer lexer = new SqlLexer(dialect, text, 0, text.length(), new LineMap(text));
        List<SqlToken> tokens = new ArrayList<>();
        for (SqlToken token = lexer.next(); token != null; token = lexer.next()) {
            tokens.add(token);
        }
        return tokens;
    }

    public int position() {
        return pos;
    }

    public void skipTo(int position) {
        pos = position;
    }

    public List<LexicalError> errors() {
        return errors;
    }

    /** Moves past white space; true when input remains. */
    public boolean skipWhitespace() {
        while (pos < end && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos < end;
    }

    /** The next token after white space, or null at the end. */
    public SqlToken next() {
        if (!skipWhitespace()) {
            return null;
        }
        int start = pos;
        SqlToken.Type type = read(text.charAt(pos));
        return new SqlToken(type, start, pos, text.substring(start, pos));
    }

    private SqlToken.Type read(char c) {
        if (isLineComment(c)) {
            int lineEnd = text.indexOf('\n', pos);
            pos = lineEnd < 0 || lineEnd > end ? end : lineEnd;
            return SqlToken.Type.LINE_COMMENT;
        }
        if (c == '/' && peek(1) == '*') {
            readBlockComment();
            return SqlToken.Type.BLOCK_COMMENT;
        }
        if (c == '\'') {
            readQuoted('\'', dialect.backslashEscapesInStrings() || isEscapeStringPrefix());
            return SqlToken.Type.STRING;
        }
        if (c == '"') {
            readQuoted('"', dialect.backslashEscapesInStrings());
            return dialect.isMySqlFamily() ? SqlToken.Type.STRING : SqlToken.Type.QUOTED_IDENTIFIER;
        }
        if (c == '`' && dialect.backtickIdentifiers()) {
            readQuoted('`', false);
            return SqlToken.Type.QUOTED_IDENTIFIER;
        }
        if (c == '[' && dialect.bracketIdentifiers()) {
            readBracketed();
            return SqlToken.Type.QUOTED_IDENTIFIER;
        }
        if (c == '$' && dialect.dollarQuoting() && readDollarQuoted()) {
            return SqlToken.Type.STRING;
        }
        if (isWordStart(c)) {
            while (pos < end && isWordPart(text.charAt(pos))) {
                pos++;
            }
            return SqlToken.Type.WORD;
        }
        if (Character.isDigit(c)) {
            while (pos < end && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            return SqlToken.Type.NUMBER;
        }
        pos++;
        return SqlToken.Type.SYMBOL;
    }

    private boolean isLineComment(char c) {
        if (c == '#' && dialect.hashComments()) {
            return true;
        }
        if (c != '-' || peek(1) != '-') {
            return false;
        }
        if (!dialect.isMySqlFamily()) {
            return true;
        }
        // MySQL needs white space after "--": "1--1" is arithmetic there.
        char after = peek(2);
        return after == 0 || Character.isWhitespace(after) || Character.isISOControl(after);
    }

    private void readBlockComment() {
        int start = pos;
        int depth = 0;
        while (pos < end) {
            if (text.startsWith("/*", pos)) {
                depth = dialect.nestedBlockComments() ? depth + 1 : 1;
                pos += 2;
            } else if (text.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
        pos = end;
        errors.add(new LexicalError("block comment opened here is never closed; add '*/'", lines.position(start)));
    }

    private boolean isEscapeStringPrefix() {
        if (dialect != Dialect.POSTGRESQL || pos == 0) {
            return false;
        }
        char before = text.charAt(pos - 1);
        return (before == 'E' || before == 'e') && (pos < 2 || !isWordPart(text.charAt(pos - 2)));
    }

    private void readQuoted(char quote, boolean backslashEscapes) {
        int start = pos;
        pos++;
        while (pos < end) {
            char c = text.charAt(pos);
            if (backslashEscapes && c == '\\') {
                pos += 2;
            } else if (c == quote) {
                if (peek(1) == quote) {
                    pos += 2;
                } else {
                    pos++;
                    return;
                }
            } else {
                pos++;
            }
        }
        pos = end;
        String what = quote == '\'' ? "string" : "quoted identifier";
        errors.add(new LexicalError(what + " opened here with " + quote + " is never closed; add the closing " + quote,
                lines.position(start)));
    }

    private void readBracketed() {
        int start = pos;
        int close = text.indexOf(']', pos + 1);
        if (close < 0 || close >= end) {
            pos = end;
            errors.add(new LexicalError("bracketed identifier opened here is never closed; add ']'",
                    lines.position(start)));
        } else {
            pos = close + 1;
        }
    }

    /** Reads {@code $tag$ ... $tag$}; false when the {@code $} opens no dollar quote ({@code $1}, {@code a$b}). */
    private boolean readDollarQuoted() {
        if (pos > 0 && isWordPart(text.charAt(pos - 1))) {
            return false;
        }
        int tagEnd = pos + 1;
        if (tagEnd < end && isWordStart(text.charAt(tagEnd))) {
            while (tagEnd < end && isWordPart(text.charAt(tagEnd)) && text.charAt(tagEnd) != '$') {
                tagEnd++;
            }
        }
        if (tagEnd >= end || text.charAt(tagEnd) != '$') {
            return false;
        }
        String tag = text.substring(pos, tagEnd + 1);
        int close = text.indexOf(tag, tagEnd + 1);
        if (close < 0 || close + tag.length() > end) {
            errors.add(new LexicalError("dollar-quoted body opened here with " + tag + " is never closed; add " + tag,
                    lines.position(pos)));
            pos = end;
        } else {
            pos = close + tag.length();
        }
        return true;
    }

    private char peek(int ahead) {
        int p = pos + ahead;
        return p < end ? text.charAt(p) : 0;
    }

    static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
