package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlLexer;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.shared.sql.TopLevel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Whether a PostgreSQL view certainly uses a column of a table: PostgreSQL records each column a view's query names
 * and refuses to drop it, or change its type, while the view stands. Read from the view's text, so two shapes are
 * judged. One table in FROM (no join, no subquery, no UNION, no WITH) and the column named outright in the query,
 * not as an alias, a function or a typed literal. Or, in any query without WITH, the column written with a qualifier
 * ({@code p.title}) that only one relation after a FROM or JOIN can mean: its alias (or its own name, when it has
 * none) written nowhere else in the view but as a qualifier. {@code SELECT *} is expanded by PostgreSQL when the view
 * is made: {@link #starRelation} lets the model record the columns it stood for then ({@code p.*} is not counted).
 * Anything else is no proof.
 */
final class ViewColumns {

    /** The words after which a name is an expression's operand, not an alias. */
    private static final Set<String> OPERAND_AFTER = Set.of("SELECT", "DISTINCT", "ALL", "WHERE", "AND", "OR", "NOT",
            "ON", "BY", "WHEN", "THEN", "ELSE", "CASE", "IN", "IS", "BETWEEN", "LIKE", "ILIKE", "HAVING", "ANY", "SOME");
    private static final Set<String> AFTER_FROM = Set.of("WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET",
            "WINDOW", "FETCH", "FOR", "WITH");

    private ViewColumns() {
    }

    /**
     * @param definition the view's text after its name, as the model keeps it ({@code as select ... from t ...})
     * @param key        turns a name as written into the model's key (search path, schema)
     */
    static boolean certainlyUses(String definition, String table, String column, UnaryOperator<String> key) {
        List<SqlToken> tokens = tokensOf(definition);
        int select = TopLevel.indexOfWord(tokens, "SELECT");
        int from = TopLevel.indexOfWord(tokens, "FROM");
        int with = TopLevel.indexOfWord(tokens, "WITH");
        if (select < 0 || from < select || with >= 0 && with < select) {
            return false;
        }
        if (hasAny(tokens, "UNION", "INTERSECT", "EXCEPT", "JOIN", "LATERAL") || hasSubquery(tokens)) {
            return !definesCommonTable(tokens) && qualifiedUse(tokens, table, column, key);
        }
        SoleRelation relation = soleRelation(tokens, from + 1);
        if (relation == null || !table.equals(key.apply(relation.name()))) {
            return false; // a second relation, or another table
        }
        String bare = relation.name().substring(relation.name().lastIndexOf('.') + 1);
        return namesColumn(tokens, select, column, relation.alias(), bare);
    }

    /**
     * The table of a view whose query is {@code SELECT * FROM t [alias] [WHERE ...]}, one relation and no join,
     * subquery or set operation, as written; null for any other query.
     */
    static String starRelation(String definition) {
        List<SqlToken> tokens = tokensOf(definition);
        int select = TopLevel.indexOfWord(tokens, "SELECT");
        if (select < 0 || select + 3 >= tokens.size() || !tokens.get(select + 1).isSymbol('*')
                || !tokens.get(select + 2).isWord("FROM") || TopLevel.indexOfWord(tokens, "WITH") >= 0
                || hasAny(tokens, "UNION", "INTERSECT", "EXCEPT", "JOIN", "LATERAL") || hasSubquery(tokens)) {
            return null;
        }
        SoleRelation relation = soleRelation(tokens, select + 3);
        return relation == null ? null : relation.name();
    }

    private static List<SqlToken> tokensOf(String definition) {
        return SqlLexer.tokens(Dialect.POSTGRESQL, definition).stream().filter(token -> !token.isComment()).toList();
    }

    /** The table named after FROM, as written, and its alias or null. */
    private record SoleRelation(String name, String alias) {
    }

    /**
     * The relation that starts at {@code at}, just after FROM, when it is the query's only one: a table's name, an
     * optional alias, then the end of the query or a clause after FROM. Null for anything else.
     */
    private static SoleRelation soleRelation(List<SqlToken> tokens, int at) {
        if (at >= tokens.size() || tokens.get(at).isWord("ONLY") || !TokenCursor.isNamePart(tokens.get(at))) {
            return null;
        }
        StringBuilder name = new StringBuilder(tokens.get(at).unquoted().toLowerCase(Locale.ROOT));
        at++;
        while (at + 1 < tokens.size() && tokens.get(at).isSymbol('.')) {
            name.append('.').append(tokens.get(at + 1).unquoted().toLowerCase(Locale.ROOT));
            at += 2;
        }
        if (at < tokens.size() && tokens.get(at).isWord("AS")) {
            at++;
        }
        String alias = null;
        if (at < tokens.size() && TokenCursor.isNamePart(tokens.get(at)) && !isWordIn(tokens.get(at), AFTER_FROM)) {
            alias = tokens.get(at).unquoted().toLowerCase(Locale.ROOT);
            at++;
        }
        return at == tokens.size() || isWordIn(tokens.get(at), AFTER_FROM) ? new SoleRelation(name.toString(), alias)
                : null; // a second relation, a join, a function
    }

    /**
     * A view's query as loosely as PostgreSQL may print it back: {@code pg_dump} qualifies every column
     * ({@code items.id}) and table ({@code public.items}), adds casts ({@code 'x'::text}, {@code (10)::numeric}),
     * parentheses and {@code AS}, and writes the columns of a {@code SELECT *}. Two views whose texts agree once all
     * of that is gone are taken for the same view: a rollback that writes a view back as the database prints it is
     * not called wrong (a qualifier that told two tables apart is lost too, which can only hide a difference).
     *
     * @param starColumns the columns a {@code SELECT *} stood for when the view was made, as {@code table.column}
     */
    static String comparable(String definition, List<String> starColumns) {
        List<SqlToken> tokens = tokensOf(definition);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.isSymbol(':') && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol(':')) {
                i = afterCastType(tokens, i + 2) - 1;
            } else if (TokenCursor.isNamePart(token) && i + 2 < tokens.size() && tokens.get(i + 1).isSymbol('.')
                    && (TokenCursor.isNamePart(tokens.get(i + 2)) || tokens.get(i + 2).isSymbol('*'))) {
                i++; // a qualifier and its dot
            } else if (token.isSymbol('*') && !starColumns.isEmpty() && !words.isEmpty()
                    && words.get(words.size() - 1).equals("select")) {
                words.add(String.join(" , ", starColumns.stream()
                        .map(column -> column.substring(column.lastIndexOf('.') + 1)).toList()));
            } else if (!token.isSymbol('(') && !token.isSymbol(')') && !token.isSymbol(';') && !token.isWord("AS")) {
                words.add(token.type() == SqlToken.Type.STRING ? token.text() : token.unquoted().toLowerCase(Locale.ROOT));
            }
        }
        String text = String.join(" ", words);
        return text.endsWith(" with no data") ? text.substring(0, text.length() - 13)
                : text.endsWith(" with data") ? text.substring(0, text.length() - 10) : text;
    }

    /** Where a cast's type ends: its name (two words for the SQL standard's), its modifiers and array brackets. */
    private static int afterCastType(List<SqlToken> tokens, int at) {
        if (at >= tokens.size() || !TokenCursor.isNamePart(tokens.get(at))) {
            return at;
        }
        String first = tokens.get(at).text().toLowerCase(Locale.ROOT);
        at++;
        while (at + 1 < tokens.size() && tokens.get(at).isSymbol('.') && TokenCursor.isNamePart(tokens.get(at + 1))) {
            at += 2;
        }
        if (first.equals("character") && isWord(tokens, at, "VARYING") || first.equals("double") && isWord(tokens, at,
                "PRECISION")) {
            at++;
        }
        if ((first.equals("timestamp") || first.equals("time")) && (isWord(tokens, at, "WITH")
                || isWord(tokens, at, "WITHOUT")) && isWord(tokens, at + 1, "TIME") && isWord(tokens, at + 2, "ZONE")) {
            at += 3;
        }
        if (at < tokens.size() && tokens.get(at).isSymbol('(')) {
            while (at < tokens.size() && !tokens.get(at).isSymbol(')')) {
                at++;
            }
            at++;
        }
        while (at + 1 < tokens.size() && tokens.get(at).isSymbol('[') && tokens.get(at + 1).isSymbol(']')) {
            at += 2;
        }
        return at;
    }

    private static boolean isWord(List<SqlToken> tokens, int at, String word) {
        return at < tokens.size() && tokens.get(at).isWord(word);
    }

    /** Words that end a relation in FROM or JOIN rather than alias it. */
    private static final Set<String> NOT_ALIAS = Set.of("JOIN", "LEFT", "RIGHT", "INNER", "FULL", "OUTER", "CROSS",
            "NATURAL", "ON", "USING", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "OFFSET", "UNION", "INTERSECT",
            "EXCEPT", "WINDOW", "FETCH", "FOR", "WITH", "LATERAL", "TABLESAMPLE");

    /** {@code q.column} where {@code q} can only mean {@code table}, in a query with joins or subqueries. */
    private static boolean qualifiedUse(List<SqlToken> tokens, String table, String column,
                                        UnaryOperator<String> key) {
        for (int i = 1; i + 2 < tokens.size(); i++) {
            SqlToken qualifier = tokens.get(i);
            if (!tokens.get(i + 1).isSymbol('.') || !matches(tokens.get(i + 2), column)
                    || !TokenCursor.isNamePart(qualifier) || tokens.get(i - 1).isSymbol('.')) {
                continue;
            }
            SqlToken after = i + 3 < tokens.size() ? tokens.get(i + 3) : null;
            if (after != null && (after.isSymbol('(') || after.isSymbol('.'))) {
                continue; // a schema's function, or a longer name
            }
            String relation = relationOf(tokens, qualifier.unquoted().toLowerCase(Locale.ROOT));
            if (relation != null && table.equals(key.apply(relation))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The relation that {@code qualifier} names: the table after a FROM or JOIN aliased so (or so named, without an
     * alias), the same table wherever the alias is given, and the word standing nowhere else in the view but before
     * a dot. Null when that is not certain.
     */
    private static String relationOf(List<SqlToken> tokens, String qualifier) {
        String relation = null;
        Set<Integer> definitions = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).isWord("FROM") && !tokens.get(i).isWord("JOIN")) {
                continue;
            }
            int at = i + 1;
            if (at < tokens.size() && tokens.get(at).isWord("ONLY")) {
                at++;
            }
            if (at >= tokens.size() || !TokenCursor.isNamePart(tokens.get(at)) || isWordIn(tokens.get(at), NOT_ALIAS)) {
                continue;
            }
            int last = at;
            StringBuilder name = new StringBuilder(tokens.get(at).unquoted().toLowerCase(Locale.ROOT));
            at++;
            while (at + 1 < tokens.size() && tokens.get(at).isSymbol('.')) {
                name.append('.').append(tokens.get(at + 1).unquoted().toLowerCase(Locale.ROOT));
                last = at + 1;
                at += 2;
            }
            if (at < tokens.size() && tokens.get(at).isSymbol('(')) {
                continue; // a function in FROM
            }
            if (at < tokens.size() && tokens.get(at).isWord("AS")) {
                at++;
            }
            boolean aliased = at < tokens.size() && TokenCursor.isNamePart(tokens.get(at))
                    && !isWordIn(tokens.get(at), NOT_ALIAS) && !isWordIn(tokens.get(at), AFTER_FROM);
            int definition = aliased ? at : last;
            if (matches(tokens.get(definition), qualifier)) {
                if (relation != null && !relation.equals(name.toString())) {
                    return null; // the alias means two tables in two places
                }
                relation = name.toString();
                definitions.add(definition);
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            boolean qualifies = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol('.');
            boolean qualified = i > 0 && tokens.get(i - 1).isSymbol('.');
            if (matches(tokens.get(i), qualifier) && !qualifies && !qualified && !definitions.contains(i)) {
                return null; // the word means something else too: a column, a subquery's alias
            }
        }
        return relation;
    }

    /** {@code WITH name AS (}, anywhere: a name in FROM may then be the query's own. */
    private static boolean definesCommonTable(List<SqlToken> tokens) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (TokenCursor.isNamePart(tokens.get(i)) && tokens.get(i + 1).isWord("AS")
                    && tokens.get(i + 2).isSymbol('(') && !tokens.get(i).isWord("CAST")) {
                int back = i - 1;
                if (back >= 0 && (tokens.get(back).isWord("WITH") || tokens.get(back).isWord("RECURSIVE")
                        || tokens.get(back).isSymbol(','))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean namesColumn(List<SqlToken> tokens, int select, String column, String alias, String table) {
        for (int i = select + 1; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.isWord("AS") && i + 1 < tokens.size() && matches(tokens.get(i + 1), column)) {
                return false; // an output column of that name: a later mention may mean it
            }
        }
        for (int i = select + 1; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (!matches(token, column)) {
                continue;
            }
            SqlToken next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (next != null && (next.isSymbol('(') || next.type() == SqlToken.Type.STRING || next.isSymbol('.'))) {
                continue; // a function, a typed literal, or a qualifier itself
            }
            SqlToken before = tokens.get(i - 1);
            if (before.isSymbol('.')) {
                String qualifier = i >= 2 ? tokens.get(i - 2).unquoted().toLowerCase(Locale.ROOT) : "";
                if (qualifier.equals(alias) || alias == null && qualifier.equals(table)) {
                    return true;
                }
            } else if (isWordIn(before, OPERAND_AFTER) || before.type() == SqlToken.Type.SYMBOL && !before.isSymbol(')')) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(SqlToken token, String column) {
        return TokenCursor.isNamePart(token) && token.unquoted().toLowerCase(Locale.ROOT).equals(column);
    }


    private static boolean isWordIn(SqlToken token, Set<String> words) {
        return token.type() == SqlToken.Type.WORD && words.contains(token.text().toUpperCase(Locale.ROOT));
    }

    private static boolean hasAny(List<SqlToken> tokens, String... words) {
        return tokens.stream().anyMatch(token -> isWordIn(token, Set.of(words)));
    }

    private static boolean hasSubquery(List<SqlToken> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isSymbol('(') && (tokens.get(i + 1).isWord("SELECT") || tokens.get(i + 1).isWord("VALUES")
                    || tokens.get(i + 1).isWord("WITH"))) {
                return true;
            }
        }
        return false;
    }
}
