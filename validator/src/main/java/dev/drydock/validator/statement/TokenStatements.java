package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statement model read from tokens: for every statement but a PostgreSQL ALTER TABLE that libpg_query parsed
 * (and for that one too where libpg_query is not installed). It reads what each kind's grammar puts where, without
 * judging whether the statement is valid (the syntax checks do that).
 */
public final class TokenStatements {

    private TokenStatements() {
    }

    /**
     * @param kind    the statement's kind from its first words ({@code ALTER TABLE}, {@code CREATE UNIQUE INDEX})
     * @param objects the names it works on, as read from its first words ({@code DROP TABLE a, b}: both)
     */
    public static Statement read(List<SqlToken> tokens, String kind, List<String> objects) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("a statement has at least one token");
        }
        SqlToken first = tokens.get(0);
        if (kind.equals("CREATE INDEX") || kind.equals("CREATE UNIQUE INDEX")) {
            return new CreateIndex(first, indexName(tokens), nameAfterOn(tokens), tokens.get(1).isWord("UNIQUE"),
                    hasWord(tokens, "CONCURRENTLY"));
        }
        if (kind.startsWith("DROP ")) {
            return new DropObjects(first, kind.substring("DROP ".length()), objects, hasWord(tokens, "CONCURRENTLY"),
                    hasWords(tokens, "IF", "EXISTS"), tokens.get(tokens.size() - 1).isWord("CASCADE"));
        }
        if (kind.equals("ALTER TABLE") && !objects.isEmpty()) {
            List<AlterAction> actions = new ArrayList<>();
            for (List<SqlToken> action : AlterTableActions.of(tokens)) {
                actions.add(action(action));
            }
            return new AlterTable(first, objects.get(0), List.copyOf(actions));
        }
        return new OtherStatement(first);
    }

    static AlterAction action(List<SqlToken> action) {
        SqlToken verb = action.get(0);
        if (verb.isWord("ADD") && action.size() > 1) {
            return isConstraintStart(action.get(1)) ? addConstraint(action) : addColumn(action);
        }
        if (verb.isWord("DROP") && action.size() > 1 && !isWordIn(action.get(1), "CONSTRAINT", "INDEX", "KEY",
                "DEFAULT", "NOT", "PRIMARY", "FOREIGN", "CHECK", "IDENTITY", "EXPRESSION", "PARTITION")) {
            return dropColumn(action);
        }
        if (verb.isWord("RENAME") && action.size() > 1 && !isWordIn(action.get(1), "CONSTRAINT", "INDEX", "KEY")) {
            return rename(action);
        }
        if (verb.isWord("ALTER") && action.size() > 1 && !action.get(1).isWord("CONSTRAINT")
                && !action.get(1).isWord("INDEX")) {
            int name = action.get(1).isWord("COLUMN") ? 2 : 1;
            if (name < action.size()) {
                return new AlterColumn(verb, name(action.get(name)), change(action.subList(name + 1, action.size())));
            }
        }
        return new OtherAction(verb);
    }

    private static AlterAction dropColumn(List<SqlToken> action) {
        int i = action.get(1).isWord("COLUMN") ? 2 : 1;
        boolean ifExists = i + 1 < action.size() && action.get(i).isWord("IF") && action.get(i + 1).isWord("EXISTS");
        i += ifExists ? 2 : 0;
        if (i >= action.size()) {
            return new OtherAction(action.get(0));
        }
        return new DropColumn(action.get(0), name(action.get(i)), ifExists,
                action.get(action.size() - 1).isWord("CASCADE"));
    }

    /** {@code RENAME [COLUMN] a TO b}, {@code RENAME TO b}, MySQL's {@code RENAME [TO | AS] b}. */
    private static AlterAction rename(List<SqlToken> action) {
        SqlToken last = action.get(action.size() - 1);
        int to = action.size() - 2;
        if (to >= 1 && action.get(to).isWord("TO") && to > 1) {
            int column = action.get(1).isWord("COLUMN") ? 2 : 1;
            return column < to ? new Rename(action.get(0), name(action.get(column)), name(last)) : new OtherAction(action.get(0));
        }
        return new Rename(action.get(0), null, name(last));
    }

    private static boolean isWordIn(SqlToken token, String... words) {
        for (String word : words) {
            if (token.isWord(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConstraintStart(SqlToken token) {
        return token.isWord("CONSTRAINT") || token.isWord("PRIMARY") || token.isWord("UNIQUE")
                || token.isWord("CHECK") || token.isWord("FOREIGN") || token.isWord("EXCLUDE");
    }

    private static AlterAction addConstraint(List<SqlToken> action) {
        int at = 1;
        String name = null;
        if (action.get(1).isWord("CONSTRAINT")) {
            name = action.size() > 2 ? name(action.get(2)) : null;
            at = 3;
        }
        if (at >= action.size()) {
            return new OtherAction(action.get(0));
        }
        SqlToken word = action.get(at);
        AddConstraint.Kind kind;
        if (word.isWord("PRIMARY")) {
            kind = AddConstraint.Kind.PRIMARY_KEY;
        } else if (word.isWord("UNIQUE")) {
            kind = AddConstraint.Kind.UNIQUE;
        } else if (word.isWord("CHECK")) {
            kind = AddConstraint.Kind.CHECK;
        } else if (word.isWord("FOREIGN")) {
            kind = AddConstraint.Kind.FOREIGN_KEY;
        } else if (word.isWord("EXCLUDE")) {
            kind = AddConstraint.Kind.EXCLUDE;
        } else {
            return new OtherAction(action.get(0)); // MySQL's ADD CONSTRAINT ... INDEX and the like
        }
        boolean notValid = hasWords(action, "NOT", "VALID");
        boolean usingIndex = hasWords(action, "USING", "INDEX") && kind != AddConstraint.Kind.EXCLUDE;
        return new AddConstraint(action.get(0), name, kind, notValid, usingIndex);
    }

    /** Only the definition's top level counts: a DEFAULT or AS inside a CHECK's parentheses fills nothing. */
    private static AlterAction addColumn(List<SqlToken> action) {
        int i = 1;
        if (action.get(i).isWord("COLUMN")) {
            i++;
        }
        if (i + 2 < action.size() && action.get(i).isWord("IF") && action.get(i + 1).isWord("NOT")
                && action.get(i + 2).isWord("EXISTS")) {
            i += 3;
        }
        if (i >= action.size() || action.get(i).isSymbol('(')) {
            return new OtherAction(action.get(0)); // MySQL's ADD (a INT, b INT)
        }
        String column = name(action.get(i));
        boolean notNull = false;
        boolean filled = false;
        boolean references = false;
        SqlToken key = null;
        int depth = 0;
        for (int j = i + 1; j < action.size(); j++) {
            SqlToken token = action.get(j);
            if (token.isSymbol('(')) {
                depth++;
            } else if (token.isSymbol(')')) {
                depth--;
            } else if (depth == 0) {
                boolean primaryKey = token.isWord("PRIMARY") && j + 1 < action.size() && action.get(j + 1).isWord("KEY");
                notNull |= token.isWord("NOT") && j + 1 < action.size() && action.get(j + 1).isWord("NULL") || primaryKey;
                filled |= isFilling(token);
                references |= token.isWord("REFERENCES");
                if (key == null && (primaryKey || token.isWord("UNIQUE"))) {
                    key = token;
                }
            }
        }
        return new AddColumn(action.get(0), column, notNull, filled, key, references);
    }

    private static boolean isFilling(SqlToken token) {
        return token.isWord("DEFAULT") || token.isWord("GENERATED") || token.isWord("AUTO_INCREMENT")
                || token.isWord("AUTOINCREMENT") || token.isWord("SERIAL") || token.isWord("BIGSERIAL")
                || token.isWord("SMALLSERIAL") || token.isWord("AS");
    }

    private static AlterColumn.Change change(List<SqlToken> rest) {
        if (hasWords(rest, "SET", "NOT", "NULL")) {
            return AlterColumn.Change.SET_NOT_NULL;
        }
        if (hasWords(rest, "DROP", "NOT", "NULL")) {
            return AlterColumn.Change.DROP_NOT_NULL;
        }
        if (hasWords(rest, "SET", "DEFAULT")) {
            return AlterColumn.Change.SET_DEFAULT;
        }
        if (hasWords(rest, "DROP", "DEFAULT")) {
            return AlterColumn.Change.DROP_DEFAULT;
        }
        if (!rest.isEmpty() && (rest.get(0).isWord("TYPE") || hasWords(rest, "SET", "DATA", "TYPE"))) {
            return AlterColumn.Change.TYPE;
        }
        return AlterColumn.Change.OTHER;
    }

    /** {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] name ON}: the name, or null when there is none. */
    private static String indexName(List<SqlToken> tokens) {
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (tokens.get(i + 1).isWord("ON") && !tokens.get(i).isWord("INDEX") && !tokens.get(i).isWord("CONCURRENTLY")
                    && !tokens.get(i).isWord("EXISTS")) {
                return qualifiedNameEndingAt(tokens, i);
            }
            if (tokens.get(i).isWord("ON")) {
                return null;
            }
        }
        return null;
    }

    private static String qualifiedNameEndingAt(List<SqlToken> tokens, int end) {
        int start = end;
        while (start >= 2 && tokens.get(start - 1).isSymbol('.')) {
            start -= 2;
        }
        return qualifiedName(tokens, start);
    }

    /** The table after the first {@code ON [ONLY]}. */
    private static String nameAfterOn(List<SqlToken> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("ON")) {
                int at = tokens.get(i + 1).isWord("ONLY") ? i + 2 : i + 1;
                return at < tokens.size() ? qualifiedName(tokens, at) : null;
            }
        }
        return null;
    }

    private static String qualifiedName(List<SqlToken> tokens, int at) {
        StringBuilder name = new StringBuilder(name(tokens.get(at)));
        for (int i = at + 1; i + 1 < tokens.size() && tokens.get(i).isSymbol('.'); i += 2) {
            name.append('.').append(name(tokens.get(i + 1)));
        }
        return name.toString();
    }

    private static String name(SqlToken token) {
        return token.type() == SqlToken.Type.QUOTED_IDENTIFIER ? token.unquoted() : token.text().toLowerCase(Locale.ROOT);
    }

    private static boolean hasWord(List<SqlToken> tokens, String word) {
        return tokens.stream().anyMatch(token -> token.isWord(word));
    }

    /** Whether {@code words} stand one after the other somewhere in {@code tokens}. */
    private static boolean hasWords(List<SqlToken> tokens, String... words) {
        for (int i = 0; i + words.length <= tokens.size(); i++) {
            int matched = 0;
            while (matched < words.length && tokens.get(i + matched).isWord(words[matched])) {
                matched++;
            }
            if (matched == words.length) {
                return true;
            }
        }
        return false;
    }
}
