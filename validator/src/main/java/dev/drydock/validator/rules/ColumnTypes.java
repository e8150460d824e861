package dev.drydock.validator.rules;

import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.statement.AlterTableActions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The column types a statement declares: each column of a CREATE TABLE, each ADD COLUMN and each ALTER COLUMN ...
 * TYPE of an ALTER TABLE, as the type's words in lower case ({@code timestamp without time zone}, {@code varchar(20)}).
 */
final class ColumnTypes {

    /** A declared type and the token it starts at. */
    record Declared(SqlToken at, String type) {
    }

    private static final Set<String> NOT_COLUMNS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN",
            "EXCLUDE", "LIKE", "INDEX", "KEY");
    /** Where a column's type ends and its constraints begin. */
    private static final Set<String> AFTER_TYPE = Set.of("NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "CHECK",
            "REFERENCES", "CONSTRAINT", "COLLATE", "GENERATED", "USING", "COMMENT", "STORAGE", "COMPRESSION");

    private ColumnTypes() {
    }

    static List<Declared> of(StatementSite site) {
        List<SqlToken> tokens = site.tokens();
        List<Declared> declared = new ArrayList<>();
        if (site.kind().equals("CREATE TABLE")) {
            int open = indexOfSymbol(tokens, '(');
            if (open < 0) {
                return declared;
            }
            for (List<SqlToken> element : AlterTableActions.elements(tokens.subList(open + 1, tokens.size()))) {
                if (element.size() > 1 && !NOT_COLUMNS.contains(element.get(0).text().toUpperCase(Locale.ROOT))) {
                    type(element, 1).ifPresent(declared::add);
                }
            }
        } else if (site.kind().equals("ALTER TABLE")) {
            for (List<SqlToken> action : AlterTableActions.of(tokens)) {
                if (action.get(0).isWord("ADD") && action.size() > 2) {
                    int name = action.get(1).isWord("COLUMN") ? 2 : 1;
                    if (!NOT_COLUMNS.contains(action.get(name).text().toUpperCase(Locale.ROOT))) {
                        int at = action.get(name).isWord("IF") ? name + 4 : name + 1; // IF NOT EXISTS name
                        type(action, at).ifPresent(declared::add);
                    }
                } else if (action.get(0).isWord("ALTER")) {
                    int name = action.size() > 1 && action.get(1).isWord("COLUMN") ? 2 : 1;
                    int at = name + 1 < action.size() && action.get(name + 1).isWord("TYPE") ? name + 2
                            : name + 3 < action.size() && action.get(name + 1).isWord("SET")
                            && action.get(name + 2).isWord("DATA") && action.get(name + 3).isWord("TYPE") ? name + 4 : -1;
                    if (at > 0) {
                        type(action, at).ifPresent(declared::add);
                    }
                }
            }
        }
        return declared;
    }

    /** Reports {@code rule} at every declared PostgreSQL type {@code matches} accepts, with {@code message} of the type. */
    static void report(StatementSite site, FindingSink sink, Rule rule, java.util.function.Predicate<String> matches,
                       java.util.function.UnaryOperator<String> message) {
        if (site.dialect() != dev.drydock.shared.sql.Dialect.POSTGRESQL) {
            return;
        }
        for (Declared declared : of(site)) {
            if (matches.test(declared.type())) {
                site.report(sink, rule, declared.at(), null, message.apply(declared.type()));
            }
        }
    }

    private static java.util.Optional<Declared> type(List<SqlToken> tokens, int from) {
        if (from >= tokens.size()) {
            return java.util.Optional.empty();
        }
        StringBuilder type = new StringBuilder();
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (depth == 0 && token.type() == SqlToken.Type.WORD && AFTER_TYPE.contains(token.text().toUpperCase(Locale.ROOT))) {
                break;
            }
            depth += token.isSymbol('(') ? 1 : token.isSymbol(')') ? -1 : 0;
            boolean glued = token.isSymbol('(') || token.isSymbol(')') || token.isSymbol(',') || token.isSymbol('.')
                    || type.isEmpty() || type.charAt(type.length() - 1) == '(' || type.charAt(type.length() - 1) == '.';
            type.append(glued ? "" : " ").append(token.text().toLowerCase(Locale.ROOT));
        }
        return type.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new Declared(tokens.get(from), type.toString()));
    }

    private static int indexOfSymbol(List<SqlToken> tokens, char symbol) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol(symbol)) {
                return i;
            }
        }
        return -1;
    }
}
