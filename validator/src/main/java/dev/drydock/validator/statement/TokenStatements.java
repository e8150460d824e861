package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
                    AlterTableActions.has(tokens, "CONCURRENTLY"));
        }
        if (kind.startsWith("DROP ")) {
            return new DropObjects(first, kind.substring("DROP ".length()), objects,
                    AlterTableActions.has(tokens, "CONCURRENTLY"), hasWords(tokens, "IF", "EXISTS"),
                    tokens.get(tokens.size() - 1).isWord("CASCADE"));
        }
        if (kind.equals("CREATE TABLE") && !objects.isEmpty()) {
            return new CreateTable(first, objects.get(0), columns(tokens));
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
        if (verb.isWord("DROP") && action.size() > 1 && !AlterTableActions.isWordIn(action.get(1), "CONSTRAINT",
                "INDEX", "KEY", "DEFAULT", "NOT", "PRIMARY", "FOREIGN", "CHECK", "IDENTITY", "EXPRESSION",
                "PARTITION")) {
            return dropColumn(action);
        }
        if (verb.isWord("RENAME") && action.size() > 1
                && !AlterTableActions.isWordIn(action.get(1), "CONSTRAINT", "INDEX", "KEY")) {
            return rename(action);
        }
        if (verb.isWord("ALTER") && action.size() > 1 && !action.get(1).isWord("CONSTRAINT")
                && !action.get(1).isWord("INDEX")) {
            int name = action.get(1).isWord("COLUMN") ? 2 : 1;
            if (name < action.size()) {
                List<SqlToken> rest = action.subList(name + 1, action.size());
                AlterColumn.Change change = change(rest);
                int type = change != AlterColumn.Change.TYPE ? -1 : rest.get(0).isWord("TYPE") ? 1 : 3;
                String typeText = type < 0 ? null : typeText(rest, type);
                return new AlterColumn(verb, name(action.get(name)), change, typeText,
                        typeText == null ? null : rest.get(type));
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
            return column < to ? new Rename(action.get(0), name(action.get(column)), name(last))
                    : new OtherAction(action.get(0));
        }
        return new Rename(action.get(0), null, name(last));
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
        return new AddConstraint(action.get(0), name, kind, notValid, usingIndex, List.of());
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
        return new AddColumn(action.get(0), column(action.subList(i, action.size())));
    }

    /** The columns a CREATE TABLE declares in its parentheses (not its constraints, not MySQL's KEY elements). */
    private static List<ColumnSpec> columns(List<SqlToken> tokens) {
        int open = 0;
        while (open < tokens.size() && !tokens.get(open).isSymbol('(')) {
            open++;
        }
        List<ColumnSpec> columns = new ArrayList<>();
        if (open >= tokens.size() || hasWordBefore(tokens, open, "AS")) {
            return columns;
        }
        for (List<SqlToken> element : AlterTableActions.elements(tokens.subList(open + 1, tokens.size()))) {
            if (!element.isEmpty() && isName(element.get(0)) && !isTableElement(element)) {
                columns.add(column(element));
            }
        }
        return List.copyOf(columns);
    }

    private static boolean hasWordBefore(List<SqlToken> tokens, int end, String word) {
        return tokens.subList(0, end).stream().anyMatch(token -> token.isWord(word));
    }

    /** {@code CONSTRAINT ...}, {@code PRIMARY KEY (...)}, MySQL's {@code KEY idx (...)}, {@code LIKE t}: no column. */
    private static boolean isTableElement(List<SqlToken> element) {
        SqlToken first = element.get(0);
        SqlToken second = element.size() > 1 ? element.get(1) : null;
        return AlterTableActions.isWordIn(first, "CONSTRAINT", "CHECK", "FOREIGN", "EXCLUDE", "LIKE", "FULLTEXT",
                "SPATIAL", "PERIOD")
                || AlterTableActions.isWordIn(first, "PRIMARY", "UNIQUE", "INDEX", "KEY") && (second == null
                || second.isSymbol('(') || AlterTableActions.isWordIn(second, "KEY", "INDEX", "NULLS")
                || second.type() == SqlToken.Type.WORD && element.size() > 2 && element.get(2).isSymbol('('));
    }

    /** A column definition from its name on: {@code name type [constraints]}; only its top level is read. */
    private static ColumnSpec column(List<SqlToken> definition) {
        String type = typeText(definition, 1);
        boolean notNull = false;
        boolean filled = false;
        boolean references = false;
        SqlToken key = null;
        int depth = 0;
        for (int j = 1; j < definition.size(); j++) {
            SqlToken token = definition.get(j);
            depth += token.nesting();
            if (depth == 0 && token.nesting() == 0) {
                boolean primaryKey = token.isWord("PRIMARY") && j + 1 < definition.size()
                        && definition.get(j + 1).isWord("KEY");
                notNull |= token.isWord("NOT") && j + 1 < definition.size() && definition.get(j + 1).isWord("NULL")
                        || primaryKey;
                filled |= isFilling(token);
                references |= token.isWord("REFERENCES");
                if (key == null && (primaryKey || token.isWord("UNIQUE"))) {
                    key = token;
                }
            }
        }
        return new ColumnSpec(definition.get(0), name(definition.get(0)), type, type == null ? null : definition.get(1),
                notNull, filled, key, references);
    }

    /** Where a column's type ends and its constraints begin. */
    private static final Set<String> AFTER_TYPE = Set.of("NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "CHECK",
            "REFERENCES", "CONSTRAINT", "COLLATE", "GENERATED", "USING", "COMMENT", "STORAGE", "COMPRESSION");

    /** The type written from {@code from} on, in lower case, up to its first constraint word; null when none. */
    static String typeText(List<SqlToken> tokens, int from) {
        StringBuilder type = new StringBuilder();
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (depth == 0 && token.type() == SqlToken.Type.WORD
                    && AFTER_TYPE.contains(token.text().toUpperCase(Locale.ROOT))) {
                break;
            }
            depth += token.nesting();
            boolean glued = token.isSymbol('(') || token.isSymbol(')') || token.isSymbol(',') || token.isSymbol('.')
                    || type.isEmpty() || type.charAt(type.length() - 1) == '(' || type.charAt(type.length() - 1) == '.';
            type.append(glued ? "" : " ").append(token.text().toLowerCase(Locale.ROOT));
        }
        return type.isEmpty() ? null : type.toString();
    }

    private static boolean isName(SqlToken token) {
        return token.type() == SqlToken.Type.WORD || token.type() == SqlToken.Type.QUOTED_IDENTIFIER;
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
            if (tokens.get(i + 1).isWord("ON")
                    && !AlterTableActions.isWordIn(tokens.get(i), "INDEX", "CONCURRENTLY", "EXISTS")) {
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
        return token.type() == SqlToken.Type.QUOTED_IDENTIFIER ? token.unquoted()
                : token.text().toLowerCase(Locale.ROOT);
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
