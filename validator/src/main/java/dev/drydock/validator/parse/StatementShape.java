package dev.drydock.validator.parse;

import dev.drydock.shared.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a statement is and which objects it names, read from its tokens alone, so that later rules have it
 * whether or not a full parser understood the statement: {@code CREATE INDEX} with {@code [users_email_idx,
 * users]}, {@code ALTER TABLE} with {@code [users]}, {@code DO} with nothing.
 */
public record StatementShape(String kind, List<String> objects) {

    private static final Set<String> CREATE_MODIFIERS = Set.of("OR", "REPLACE", "TEMP", "TEMPORARY", "UNLOGGED",
            "GLOBAL", "LOCAL", "UNIQUE", "RECURSIVE", "TRUSTED", "PROCEDURAL", "VIRTUAL", "CONSTRAINT", "DEFAULT",
            "FULLTEXT", "SPATIAL", "ONLINE", "OFFLINE", "AGGREGATE", "NONCLUSTERED", "CLUSTERED", "DEFINER",
            "SQL", "SECURITY", "INVOKER", "ALGORITHM", "MERGE", "TEMPTABLE", "UNDEFINED", "IGNORE", "EDITIONABLE",
            "NONEDITIONABLE", "DETERMINISTIC", "NO", "FORCE");
    private static final Set<String> TWO_WORD_TYPES = Set.of("MATERIALIZED VIEW", "EVENT TRIGGER", "FOREIGN TABLE",
            "FOREIGN DATA", "TEXT SEARCH", "ACCESS METHOD", "OPERATOR CLASS", "OPERATOR FAMILY", "USER MAPPING",
            "DEFAULT PRIVILEGES", "LARGE OBJECT");
    private static final Set<String> WORDS_AFTER_NAME = Set.of("ON", "AS", "USING", "SET", "WHERE", "TO", "FROM", "IN", "FOR");
    private static final Set<String> SKIPPED_BEFORE_NAME = Set.of("IF", "NOT", "EXISTS", "CONCURRENTLY", "ONLY");

    static StatementShape of(List<SqlToken> tokens) {
        if (tokens.isEmpty()) {
            return new StatementShape("", List.of());
        }
        String first = upper(tokens.get(0));
        return switch (first) {
            case "CREATE", "ALTER", "DROP" -> ddl(first, tokens);
            case "INSERT", "REPLACE" -> new StatementShape(first, nameAfter(tokens, 1, "INTO"));
            case "DELETE" -> new StatementShape(first, nameAfter(tokens, 1, "FROM"));
            case "UPDATE" -> new StatementShape(first, names(tokens, 1, false));
            case "TRUNCATE" -> new StatementShape(first, names(tokens, skipWord(tokens, 1, "TABLE"), true));
            case "COMMENT" -> new StatementShape("COMMENT ON", tokens.size() > 3 ? names(tokens, 3, false) : List.of());
            default -> new StatementShape(first, List.of());
        };
    }

    private static StatementShape ddl(String verb, List<SqlToken> tokens) {
        int i = 1;
        while (i < tokens.size() && isModifier(tokens, i) && !isTwoWordType(tokens, i)) {
            i++;
        }
        if (i >= tokens.size()) {
            return new StatementShape(verb, List.of());
        }
        String type = upper(tokens.get(i));
        if (i + 1 < tokens.size() && TWO_WORD_TYPES.contains(type + " " + upper(tokens.get(i + 1)))) {
            type = type + " " + upper(tokens.get(i + 1));
            i++;
        }
        String kind = verb + " " + type;
        List<String> objects = new ArrayList<>(names(tokens, i + 1, verb.equals("DROP")));
        if (type.equals("INDEX") || type.equals("TRIGGER") || type.equals("POLICY") || type.equals("RULE")) {
            objects.addAll(nameAfter(tokens, i + 1, "ON"));
        }
        return new StatementShape(kind, List.copyOf(objects));
    }

    private static boolean isTwoWordType(List<SqlToken> tokens, int i) {
        return i + 1 < tokens.size() && TWO_WORD_TYPES.contains(upper(tokens.get(i)) + " " + upper(tokens.get(i + 1)));
    }

    private static boolean isModifier(List<SqlToken> tokens, int i) {
        SqlToken token = tokens.get(i);
        SqlToken before = tokens.get(i - 1);
        if (before.isSymbol('=') || before.isSymbol('@')) {
            return true; // DEFINER = root@localhost, ALGORITHM = MERGE
        }
        return token.type() == SqlToken.Type.WORD && CREATE_MODIFIERS.contains(upper(token))
                || token.isSymbol('=') || token.isSymbol('@') || token.type() == SqlToken.Type.QUOTED_IDENTIFIER
                || token.type() == SqlToken.Type.STRING;
    }

    private static int skipWord(List<SqlToken> tokens, int i, String word) {
        return i < tokens.size() && tokens.get(i).isWord(word) ? i + 1 : i;
    }

    /** The name(s) after the first {@code keyword} at or after {@code from}. */
    private static List<String> nameAfter(List<SqlToken> tokens, int from, String keyword) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).isWord(keyword)) {
                return names(tokens, i + 1, false);
            }
            if (tokens.get(i).isSymbol('(')) {
                break;
            }
        }
        return List.of();
    }

    /** A qualified name at {@code from} (after IF [NOT] EXISTS and the like), or a comma list of them. */
    private static List<String> names(List<SqlToken> tokens, int from, boolean list) {
        List<String> names = new ArrayList<>();
        int i = from;
        while (i < tokens.size() && tokens.get(i).type() == SqlToken.Type.WORD
                && SKIPPED_BEFORE_NAME.contains(upper(tokens.get(i)))) {
            i++;
        }
        while (i < tokens.size()) {
            StringBuilder name = new StringBuilder();
            while (i < tokens.size() && isNamePart(tokens.get(i))) {
                name.append(tokens.get(i).unquoted());
                if (i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('.')) {
                    name.append('.');
                    i += 2;
                } else {
                    i++;
                    break;
                }
            }
            if (name.isEmpty() || isKeywordAfterType(name.toString())) {
                break;
            }
            names.add(name.toString());
            if (!list || i >= tokens.size() || !tokens.get(i).isSymbol(',')) {
                break;
            }
            i++;
        }
        return names;
    }

    private static boolean isKeywordAfterType(String name) {
        return WORDS_AFTER_NAME.contains(name.toUpperCase(Locale.ROOT));
    }

    private static boolean isNamePart(SqlToken token) {
        return token.type() == SqlToken.Type.WORD || token.type() == SqlToken.Type.QUOTED_IDENTIFIER;
    }


    private static String upper(SqlToken token) {
        return token.text().toUpperCase(Locale.ROOT);
    }
}
