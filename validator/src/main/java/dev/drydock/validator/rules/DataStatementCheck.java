package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.dml.DataStatementValidator;
import dev.drydock.validator.schema.SchemaModel;
import dev.drydock.validator.schema.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * INSERT, UPDATE and DELETE validated by Apache Calcite against the replayed schema ({@link DataStatementValidator}):
 * {@code unknown-object} for a column or table named anywhere in the statement that is not there, and
 * {@code ambiguous-column} ({@link AmbiguousColumn}). Calcite's classes load only when a run reaches a data statement.
 */
final class DataStatementCheck implements StatementRules {

    /**
     * Columns every table has without declaring them: PostgreSQL's system columns and SQLite's rowid (a WITHOUT ROWID
     * table has none, but then naming it fails with the same message and nothing is lost by silence).
     */
    private static final Map<Dialect, List<String>> SYSTEM_COLUMNS = Map.of(
            Dialect.POSTGRESQL, List.of("ctid", "xmin", "xmax", "cmin", "cmax", "tableoid"),
            Dialect.SQLITE, List.of("rowid", "oid", "_rowid_"),
            Dialect.D1, List.of("rowid", "oid", "_rowid_"));

    @Override
    public void check(StatementSite site, FindingSink sink) {
        String kind = site.kind();
        boolean data = kind.equals("INSERT") || kind.equals("UPDATE") || kind.equals("DELETE");
        if (!data || site.statement().problem().isPresent()) {
            return; // and Calcite's classes stay unloaded
        }
        Dialect dialect = site.dialect() == Dialect.D1 ? Dialect.SQLITE : site.dialect();
        Map<String, List<String>> tables = new HashMap<>();
        Map<String, String> views = new HashMap<>();
        Set<String> opaque = new HashSet<>();
        describe(site, tables, views, opaque);
        CalciteReadable readable = CalciteReadable.of(site.statement().source(), dialect);
        var outcome = new DataStatementValidator(dialect).check(readable.text(), tables, views, opaque);
        if (outcome instanceof DataStatementValidator.Unchecked unchecked) {
            sink.uncheckedData(unchecked.reason());
            return;
        }
        sink.checkedData();
        for (DataStatementValidator.Problem problem : ((DataStatementValidator.Checked) outcome).problems()) {
            SqlToken at = tokenAt(site, readable.originalOffset(problem.line(), problem.column()), problem.name());
            if (at == null || quotedSqliteString(site, at) || site.state().uncertain.mentions(problem.name())) {
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

    /** SQLite reads a double-quoted name that is no column as a string, so it is never unknown there. */
    private static boolean quotedSqliteString(StatementSite site, SqlToken at) {
        Dialect dialect = site.dialect();
        return (dialect == Dialect.SQLITE || dialect == Dialect.D1) && at.type() == SqlToken.Type.QUOTED_IDENTIFIER;
    }
}
