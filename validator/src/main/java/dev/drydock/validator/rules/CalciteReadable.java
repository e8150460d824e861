package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlStatement;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.shared.sql.TopLevel;
import dev.drydock.validator.statement.AlterTableActions;

import java.util.List;

/**
 * A data statement rewritten so that Calcite's parser reads it, each character knowing where in the file it came
 * from ({@link #originalOffset}). What is left out becomes spaces and does not change which columns the rest names:
 * MySQL's and SQLite's conflict modifiers ({@code INSERT IGNORE}, {@code INSERT OR REPLACE}), the tail clauses
 * PostgreSQL and MySQL add ({@code ON CONFLICT ...}, {@code ON DUPLICATE KEY UPDATE ...}, {@code RETURNING ...}),
 * PostgreSQL's {@code ONLY} before a table, its {@code ::type} casts and its JSON operators with their key
 * ({@code ->> 'a'}). Columns named only in what is left out are not checked. PostgreSQL's other operators Calcite does not know ({@code @>}, {@code ?},
 * {@code #>>}, {@code ~*}, ...) become {@code =}, their operands kept. PostgreSQL's and SQLite's {@code UPDATE t SET c = e FROM f WHERE w}, which
 * Calcite does not read, becomes {@code SELECT e FROM f, t WHERE w}, and PostgreSQL's {@code DELETE FROM t USING f
 * WHERE w} becomes {@code SELECT * FROM t, f WHERE w}: the same names in the same scope, the target's own columns
 * (SET's left sides) being checked by the replay.
 *
 * @param origin for each character of {@code text}, its offset in the file; -1 for one the rewrite added
 */
record CalciteReadable(String text, int[] origin) {

    /** The offset in the file of the character at Calcite's 1-based {@code line} and {@code column}, or -1. */
    int originalOffset(int line, int column) {
        int index = 0;
        for (int current = 1; current < line; current++) {
            index = text.indexOf('\n', index) + 1;
            if (index == 0) {
                return -1;
            }
        }
        index += column - 1;
        return index >= 0 && index < origin.length ? origin[index] : -1;
    }

    static CalciteReadable of(SqlStatement statement, Dialect dialect) {
        String blanked = blanked(statement, dialect == Dialect.POSTGRESQL);
        int base = statement.startOffset();
        int[] origin = new int[blanked.length()];
        for (int i = 0; i < origin.length; i++) {
            origin[i] = base + i;
        }
        CalciteReadable readable = new CalciteReadable(blanked, origin);
        List<SqlToken> tokens = statement.tokens();
        if (dialect != Dialect.POSTGRESQL && dialect != Dialect.SQLITE || tokens.size() < 4) {
            return readable;
        }
        readable = readable.namesAfterDotsQuoted(tokens);
        if (tokens.get(0).isWord("UPDATE")) {
            return readable.updateFromAsSelect(tokens);
        }
        if (tokens.get(0).isWord("DELETE") && dialect == Dialect.POSTGRESQL) {
            return readable.deleteUsingAsSelect(tokens);
        }
        return readable;
    }

    /**
     * {@code t.uuid} as {@code t."uuid"}: a word right after a dot is a name, but Calcite's parser refuses its keywords
     * there (uuid, value, year...), where PostgreSQL and SQLite accept them.
     */
    private CalciteReadable namesAfterDotsQuoted(List<SqlToken> tokens) {
        Rewrite rewrite = null;
        for (int i = 1; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            SqlToken dot = tokens.get(i - 1);
            if (token.type() == SqlToken.Type.WORD && dot.isSymbol('.') && dot.end() == token.start()
                    && originOf(token.start()) >= 0) {
                rewrite = rewrite == null ? new Rewrite(this) : rewrite;
                rewrite.quote(token);
            }
        }
        return rewrite == null ? this : rewrite.done();
    }

    /** The text made of the file's characters from offset {@code from} to {@code to}, with what was added among them. */
    private String span(int from, int to) {
        int start = 0;
        while (start < origin.length && (origin[start] < 0 || origin[start] < from)) {
            start++;
        }
        int end = start;
        while (end < origin.length && origin[end] < to) {
            end++;
        }
        return text.substring(start, end);
    }

    /** Whether the character from file offset {@code offset} is still in the text (not blanked): its index, or -1. */
    private int originOf(int offset) {
        for (int i = 0; i < origin.length; i++) {
            if (origin[i] == offset) {
                return text.charAt(i) == ' ' ? -1 : i;
            }
        }
        return -1;
    }

    /** {@code UPDATE [ONLY] t [alias] SET c = e, ... FROM f WHERE w} as {@code SELECT e, ... FROM f, t [alias] WHERE w}. */
    private CalciteReadable updateFromAsSelect(List<SqlToken> tokens) {
        int set = TopLevel.indexOfWord(tokens, "SET");
        int from = set < 0 ? -1 : indexOfWordAfter(tokens, "FROM", set);
        if (from < 0) {
            return this;
        }
        int where = indexOfWordAfter(tokens, "WHERE", from);
        int target = tokens.get(1).isWord("ONLY") ? 2 : 1;
        if (target >= set) {
            return this;
        }
        Rewrite rewrite = new Rewrite(this);
        rewrite.replace(tokens.get(0), "SELECT");
        rewrite.blank(tokens.get(0).end(), tokens.get(set).end());
        int start = set + 1;
        int depth = 0;
        for (int i = set + 1; i <= from; i++) {
            if (i == from || depth == 0 && tokens.get(i).isSymbol(',')) {
                int assignment = firstTopLevelEquals(tokens, start, i);
                if (assignment > start) {
                    rewrite.blank(tokens.get(start).start(), tokens.get(assignment).end()); // c = (or (a, b) =)
                }
                start = i + 1;
            } else {
                depth += tokens.get(i).nesting();
            }
        }
        rewrite.copyTo(where < 0 ? Integer.MAX_VALUE : tokens.get(where).start());
        rewrite.insert(", " + span(tokens.get(target).start(), tokens.get(set - 1).end()) + " ");
        return rewrite.done();
    }

    /** {@code DELETE FROM t [alias] USING f WHERE w} as {@code SELECT * FROM t [alias], f WHERE w}. */
    private CalciteReadable deleteUsingAsSelect(List<SqlToken> tokens) {
        int using = TopLevel.indexOfWord(tokens, "USING");
        if (!tokens.get(1).isWord("FROM") || using < 3) {
            return this;
        }
        Rewrite rewrite = new Rewrite(this);
        rewrite.replace(tokens.get(0), "SELECT");
        rewrite.insert(" *");
        rewrite.replace(tokens.get(using), ",");
        return rewrite.done();
    }

    private static int indexOfWordAfter(List<SqlToken> tokens, String word, int after) {
        int found = TopLevel.indexOfWord(tokens.subList(after + 1, tokens.size()), word);
        return found < 0 ? -1 : after + 1 + found;
    }

    private static int firstTopLevelEquals(List<SqlToken> tokens, int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            depth += tokens.get(i).nesting();
            if (depth == 0 && tokens.get(i).isSymbol('=')) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Builds a new text from this one, front to back, keeping each character's origin. Positions are file offsets,
     * found through the source's origins, so one rewrite can follow another.
     */
    private static final class Rewrite {
        private final CalciteReadable source;
        private final StringBuilder text = new StringBuilder();
        private final java.util.List<Integer> origin = new java.util.ArrayList<>();
        private int next;

        Rewrite(CalciteReadable source) {
            this.source = source;
        }

        /** Whether the source's next character comes from before file offset {@code end} (or was added). */
        private boolean before(int end) {
            return next < source.text.length() && source.origin[next] < end;
        }

        private void take(char c) {
            text.append(c);
            origin.add(source.origin[next++]);
        }

        /** Copies the source up to file offset {@code end}. */
        void copyTo(int end) {
            while (before(end)) {
                take(source.text.charAt(next));
            }
        }

        /** {@code token}'s characters as {@code replacement} (no longer than it), padded with spaces. */
        void replace(SqlToken token, String replacement) {
            copyTo(token.start());
            for (int i = 0; before(token.end()); i++) {
                take(i < replacement.length() ? replacement.charAt(i) : ' ');
            }
        }

        /** Spaces from file offset {@code from} to {@code to}; line breaks stay. */
        void blank(int from, int to) {
            copyTo(from);
            while (before(to)) {
                char c = source.text.charAt(next);
                take(c == '\n' || c == '\r' ? c : ' ');
            }
        }

        /** {@code token}, a name, double-quoted in lower case: Calcite then reads a keyword (uuid, value) as a name. */
        void quote(SqlToken token) {
            copyTo(token.start());
            text.append('"');
            origin.add(token.start());
            while (before(token.end())) {
                take(Character.toLowerCase(source.text.charAt(next)));
            }
            insert("\"");
        }

        void insert(String added) {
            text.append(added);
            added.chars().forEach(c -> origin.add(-1));
        }

        CalciteReadable done() {
            copyTo(Integer.MAX_VALUE);
            return new CalciteReadable(text.toString(), origin.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** PostgreSQL's operators Calcite does not read, as the characters written (jsonb, arrays, regular expressions). */
    private static final List<String> POSTGRES_OPERATORS = List.of("#>>", "!~*", "@>", "<@", "?|", "?&", "#>", "#-",
            "&&", "!~", "~*", "?", "~");

    private static String blanked(SqlStatement statement, boolean postgres) {
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
            } else if (postgres && token.isWord("ONLY") && i + 1 < tokens.size()
                    && (AlterTableActions.isWordIn(tokens.get(i - 1), "FROM", "JOIN", "UPDATE")
                    || tokens.get(i - 1).isSymbol(','))) {
                blank(text, base, token, token); // FROM ONLY t: the table without its inheritance children
            }
            depth += token.nesting();
            boolean tail = depth == 0 && (token.isWord("RETURNING") || token.isWord("ON") && i + 1 < tokens.size()
                    && (tokens.get(i + 1).isWord("CONFLICT") || tokens.get(i + 1).isWord("DUPLICATE")));
            if (tail) {
                blank(text, base, token, tokens.get(tokens.size() - 1));
                break;
            }
            int operatorEnd = postgres ? postgresOperatorEnd(tokens, i) : -1;
            if (operatorEnd >= 0) {
                // a comparison in its place: the operands, and the names in them, stay where they are
                blank(text, base, token, tokens.get(operatorEnd));
                text[token.start() - base] = '=';
                i = operatorEnd;
            } else if (token.isSymbol(':') && i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(':')) {
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

    /** The index of the last symbol of a PostgreSQL-only operator starting at {@code i}, or -1. */
    private static int postgresOperatorEnd(List<SqlToken> tokens, int i) {
        for (String operator : POSTGRES_OPERATORS) {
            int end = i;
            for (int k = 0; k < operator.length(); k++, end++) {
                boolean adjacent = k == 0 || end < tokens.size() && tokens.get(end).start() == tokens.get(end - 1).end();
                if (end >= tokens.size() || !adjacent || !tokens.get(end).isSymbol(operator.charAt(k))) {
                    end = -1;
                    break;
                }
            }
            boolean whole = end > 0 && (end >= tokens.size() || tokens.get(end).type() != SqlToken.Type.SYMBOL
                    || tokens.get(end).start() != tokens.get(end - 1).end());
            if (whole) {
                return end - 1;
            }
        }
        return -1;
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
