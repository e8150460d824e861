package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlStatement;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.shared.sql.TopLevel;
import dev.drydock.validator.dml.DataStatementValidator;
import dev.drydock.validator.schema.SchemaModel;
import dev.drydock.validator.schema.Table;
import dev.drydock.validator.statement.AlterTableActions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * INSERT, UPDATE and DELETE, and the query of a CREATE VIEW, validated by Apache Calcite against the replayed schema
 * ({@link DataStatementValidator}):
 * {@code unknown-object} for a column or table named anywhere in the statement that is not there, and
 * {@code ambiguous-column} ({@link AmbiguousColumn}). Calcite's classes load only when a run reaches a data statement
 * or a view.
 */
final class DataStatementCheck implements StatementRules {

    /**
     * Columns every table has without declaring them: PostgreSQL's system columns and SQLite's rowid (a WITHOUT ROWID
     * table has none, but then naming it fails with the same message and nothing is lost by silence).
     */
    private static final Map<Dialect, List<String>> SYSTEM_COLUMNS = Map.of(
            Dialect.POSTGRESQL, Table.POSTGRES_SYSTEM_COLUMNS,
            Dialect.SQLITE, List.of("rowid", "oid", "_rowid_"),
            Dialect.D1, List.of("rowid", "oid", "_rowid_"));

    @Override
    public void check(StatementSite site, FindingSink sink) {
        String kind = site.kind();
        boolean data = kind.equals("INSERT") || kind.equals("UPDATE") || kind.equals("DELETE");
        // SQLite makes a view without resolving its names (they fail when it is read): only the others are judged
        boolean view = (kind.equals("CREATE VIEW") || kind.equals("CREATE MATERIALIZED VIEW"))
                && (site.dialect() == Dialect.POSTGRESQL || site.dialect().isMySqlFamily());
        if (!data && !view || site.statement().problem().isPresent()) {
            return; // and Calcite's classes stay unloaded
        }
        SqlStatement checked = data ? site.statement().source() : viewQuery(site.statement().source()).orElse(null);
        if (checked == null) {
            return;
        }
        Dialect dialect = site.dialect() == Dialect.D1 ? Dialect.SQLITE : site.dialect();
        Map<String, List<String>> tables = new HashMap<>();
        Map<String, String> views = new HashMap<>();
        Set<String> opaque = new HashSet<>();
        describe(site, tables, views, opaque);
        CalciteReadable readable = CalciteReadable.of(checked, dialect);
        DataStatementValidator validator = new DataStatementValidator(dialect);
        var outcome = data ? validator.check(readable.text(), tables, views, opaque)
                : validator.checkQuery(readable.text(), tables, views, opaque);
        if (outcome instanceof DataStatementValidator.Unchecked unchecked) {
            if (data) {
                sink.uncheckedData(unchecked.reason());
            }
            return;
        }
        if (data) {
            sink.checkedData();
        }
        for (DataStatementValidator.Problem problem : ((DataStatementValidator.Checked) outcome).problems()) {
            SqlToken at = tokenAt(site, readable.originalOffset(problem.line(), problem.column()), problem.name());
            if (at == null || quotedSqliteString(site, at) || site.state().uncertain.mentions(problem.name())
                    || problem.kind() == DataStatementValidator.Problem.Kind.UNKNOWN_COLUMN && wholeRow(site, at)) {
                continue;
            }
            switch (problem.kind()) {
                case UNKNOWN_COLUMN -> site.report(sink, UnknownObject.RULE, at, null, "column "
                        + problem.name() + " is in none of the tables this statement reads at this point of the"
                        + " migrations; check the name, or add the column in an earlier migration");
                case UNKNOWN_TABLE -> site.report(sink, UnknownObject.RULE, at, null, "table " + problem.name()
                        + " does not exist at this point of the migrations; check the name, or create it in an earlier"
                        + " migration");
                case AMBIGUOUS_COLUMN -> site.report(sink, AmbiguousColumn.RULE, at, null, "column " + problem.name()
                        + " is in more than one table of this statement; qualify it with its table or alias");
            }
        }
    }

    /**
     * The query of a {@code CREATE [MATERIALIZED] VIEW ... AS query}, without PostgreSQL's trailing {@code WITH [NO]
     * DATA} or {@code WITH [CASCADED | LOCAL] CHECK OPTION}; empty for a recursive view, whose query names the view.
     */
    private static Optional<SqlStatement> viewQuery(SqlStatement statement) {
        List<SqlToken> tokens = statement.tokens();
        int as = TopLevel.indexOfWord(tokens, "AS");
        if (as < 0 || as + 1 >= tokens.size() || tokens.subList(0, as).stream().anyMatch(t -> t.isWord("RECURSIVE"))) {
            return Optional.empty();
        }
        int end = tokens.size();
        int with = TopLevel.lastIndexOfWord(tokens, "WITH");
        if (with > as + 1 && tokens.subList(with + 1, end).stream().allMatch(t -> t.isWord("NO") || t.isWord("DATA")
                || t.isWord("CASCADED") || t.isWord("LOCAL") || t.isWord("CHECK") || t.isWord("OPTION"))) {
            end = with;
        }
        List<SqlToken> query = tokens.subList(as + 1, end);
        int from = query.get(0).start();
        int to = query.get(query.size() - 1).end();
        int base = statement.startOffset();
        return Optional.of(new SqlStatement(statement.index(), statement.text().substring(from - base, to - base), from,
                to, statement.start(), statement.end(), query));
    }

    /**
     * The tables a statement may need: those its words name. Tables whose every column the replay knows are
     * described, views by their query (whose columns Calcite derives); materialized views, tables with unknown
     * columns and names a DO block may have changed are opaque.
     */
    private static void describe(StatementSite site, Map<String, List<String>> tables, Map<String, String> views,
                                 Set<String> opaque) {
        List<SqlToken> tokens = site.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (!isName(tokens.get(i))) {
                continue;
            }
            String written = tokens.get(i).unquoted().toLowerCase(Locale.ROOT);
            if (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol('.') && isName(tokens.get(i + 2))) {
                opaque.add(written); // a schema: Calcite must not call it a missing table
                written = written + "." + tokens.get(i + 2).unquoted().toLowerCase(Locale.ROOT);
                i += 2;
            }
            describe(site, written, tables, views, opaque);
        }
    }

    /** One relation, under the name the statement writes it by ({@code auth.users} or {@code users}). */
    private static void describe(StatementSite site, String written, Map<String, List<String>> tables,
                                 Map<String, String> views, Set<String> opaque) {
        SchemaModel schema = site.schema();
        String name = site.names().key(written);
        Table table = schema.table(name);
        boolean uncertain = site.state().uncertain.mentions(name);
        if (table != null && table.columnsKnown() && !uncertain) {
            List<String> columns = new ArrayList<>(table.columns().keySet());
            SYSTEM_COLUMNS.getOrDefault(site.dialect(), List.of()).stream().filter(c -> !columns.contains(c))
                    .forEach(columns::add);
            tables.put(written, columns);
        } else if (schema.objects().containsKey("view " + name) && !uncertain) {
            viewQuery(schema.objects().get("view " + name).definition()).ifPresentOrElse(
                    query -> views.put(written, query), () -> opaque.add(written));
        } else if (table != null || schema.objects().containsKey("materialized view " + name) || uncertain
                || site.names().isInternalTable(name)) {
            opaque.add(written);
        }
    }

    private static boolean isName(SqlToken token) {
        return token.type() == SqlToken.Type.WORD || token.type() == SqlToken.Type.QUOTED_IDENTIFIER;
    }

    /** A view's query from its stored definition ({@code as select ...}); empty when it names its columns. */
    private static java.util.Optional<String> viewQuery(String definition) {
        String text = definition.strip();
        if (text.startsWith("as ")) {
            // the stored form spaces every token apart: join the two-character operators again (>=, <>, ::, ||)
            return java.util.Optional.of(text.substring(3).replaceAll("([<>!:|-]) (?=[=>:|])", "$1"));
        }
        return java.util.Optional.empty(); // (a, b) AS ..., WITH (options) AS ...: left opaque
    }

    /**
     * The token of the statement at file offset {@code offset} that writes {@code name} (its last part), or null:
     * a position the rewrite made, or one pointing at another name, is reported nowhere.
     */
    private static SqlToken tokenAt(StatementSite site, int offset, String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        for (SqlToken token : site.statement().source().tokens()) {
            if (token.start() == offset) {
                return token.unquoted().equalsIgnoreCase(last) ? token : null;
            }
        }
        return null;
    }

    /**
     * PostgreSQL reads a table's name or alias where a column would stand as the whole row ({@code to_jsonb(u)},
     * {@code row_to_json(users)}), which Calcite calls an unknown column: the name is one the statement gives a
     * table it reads ({@code FROM users u}).
     */
    private static boolean wholeRow(StatementSite site, SqlToken at) {
        if (site.dialect() != Dialect.POSTGRESQL) {
            return false;
        }
        List<SqlToken> tokens = site.tokens();
        for (int i = 1; i < tokens.size(); i++) {
            if (isName(tokens.get(i)) && tokens.get(i).unquoted().equalsIgnoreCase(at.unquoted())
                    && (followsRelationWord(tokens, i) || isAlias(tokens, i))) {
                return true;
            }
        }
        return false;
    }

    /** {@code u} of {@code FROM users AS u} or {@code JOIN users u}. */
    private static boolean isAlias(List<SqlToken> tokens, int i) {
        int name = tokens.get(i - 1).isWord("AS") ? i - 2 : i - 1;
        if (name < 1 || !isName(tokens.get(name))) {
            return false;
        }
        while (name >= 2 && tokens.get(name - 1).isSymbol('.') && isName(tokens.get(name - 2))) {
            name -= 2; // schema.table
        }
        return followsRelationWord(tokens, name);
    }

    /**
     * Whether the name at {@code i} stands where a table is named: after FROM, JOIN, ONLY, UPDATE or USING, or after
     * a comma of a FROM list.
     */
    private static boolean followsRelationWord(List<SqlToken> tokens, int i) {
        SqlToken before = tokens.get(i - 1);
        return AlterTableActions.isWordIn(before, "FROM", "JOIN", "ONLY", "UPDATE", "USING")
                || before.isSymbol(',') && inFromList(tokens, i - 1);
    }

    /** Whether the clause the token at {@code i} belongs to, at its own depth, is a FROM. */
    private static boolean inFromList(List<SqlToken> tokens, int i) {
        int depth = 0;
        for (int k = i - 1; k >= 0; k--) {
            SqlToken token = tokens.get(k);
            if (token.isSymbol(')')) {
                depth++;
            } else if (token.isSymbol('(')) {
                if (depth-- == 0) {
                    return false;
                }
            } else if (depth == 0 && token.type() == SqlToken.Type.WORD) {
                if (token.isWord("FROM")) {
                    return true;
                }
                if (AlterTableActions.isWordIn(token, "SELECT", "WHERE", "SET", "ON", "GROUP", "ORDER", "HAVING",
                        "VALUES", "RETURNING", "INTO")) {
                    return false;
                }
            }
        }
        return false;
    }

    /** SQLite reads a double-quoted name that is no column as a string, so it is never unknown there. */
    private static boolean quotedSqliteString(StatementSite site, SqlToken at) {
        Dialect dialect = site.dialect();
        return (dialect == Dialect.SQLITE || dialect == Dialect.D1) && at.type() == SqlToken.Type.QUOTED_IDENTIFIER;
    }
}
