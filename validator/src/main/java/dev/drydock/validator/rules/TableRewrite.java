package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.statement.AlterTableActions;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code table-rewrite}: a change that rewrites an existing table under an exclusive lock: a column added with a
 * volatile default (a built-in one, or a function the migrations created without IMMUTABLE or STABLE), a STORED
 * generated or serial column, a type change that is not a widening, MySQL's ALGORITHM=COPY and LOCK=SHARED or
 * EXCLUSIVE.
 */
final class TableRewrite implements StatementRules {

    static final Rule RULE = Rule.of("table-rewrite", Severity.WARNING, "locking",
            "a change that rewrites the whole table under an exclusive lock",
            "Changing a column's type, adding a column with a volatile default (random(), clock_timestamp(),"
                    + " gen_random_uuid()) or a STORED generated column rewrites every row while reads and writes"
                    + " wait. Add a nullable column, backfill in batches, then switch over.")
            .example(Dialect.POSTGRESQL, "ALTER TABLE users ALTER COLUMN id TYPE bigint;",
                    "ALTER TABLE users ALTER COLUMN id TYPE int;");

    private static final Set<String> VOLATILE_DEFAULTS = Set.of("RANDOM", "CLOCK_TIMESTAMP", "GEN_RANDOM_UUID",
            "UUID_GENERATE_V4", "UUID_GENERATE_V1", "NEXTVAL", "TIMEOFDAY", "UUID");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        String table = site.lockedTable();
        if (table == null || !site.kind().equals("ALTER TABLE")) {
            return;
        }
        for (List<SqlToken> action : AlterTableActions.addedColumns(site.tokens())) {
            addedColumn(site, sink, table, action);
        }
        for (List<SqlToken> action : AlterTableActions.of(site.tokens())) {
            ColumnTypeChange change = ColumnTypeChange.of(site, table, action);
            if (change != null && !change.widens()) {
                site.reportOnTable(sink, RULE, action.get(0), table, "changing the type of " + table + "."
                        + change.column() + (change.from() == null ? "" : " from " + change.from()) + " to "
                        + change.to() + " rewrites every row under an exclusive lock; add a new column, backfill it"
                        + " in batches, then switch");
            }
        }
        if (site.dialect().isMySqlFamily()) {
            mysqlBlockingAlter(site, sink, table);
        }
    }

    private static void addedColumn(StatementSite site, FindingSink sink, String table, List<SqlToken> action) {
        for (int i = 0; i < action.size(); i++) {
            SqlToken token = action.get(i);
            if (token.type() == SqlToken.Type.WORD && VOLATILE_DEFAULTS.contains(token.text().toUpperCase(Locale.ROOT))
                    && i + 1 < action.size() && action.get(i + 1).isSymbol('(')
                    || token.isWord("STORED") || token.isWord("SERIAL") || token.isWord("BIGSERIAL")) {
                site.reportOnTable(sink, RULE, token, table, "adding a column with "
                        + (token.isWord("STORED") ? "a STORED generated value" : "a volatile default ("
                        + token.text() + ")") + " rewrites every row of " + table + " under an exclusive lock; add"
                        + " it nullable without the default, backfill in batches, then set the default");
            }
        }
        volatileUserDefault(site, action).ifPresent(function -> site.reportOnTable(sink, RULE, function, table,
                "adding a column whose default calls " + function.text() + "(), a function this project created"
                        + " without IMMUTABLE or STABLE, rewrites every row of " + table + " under an exclusive lock;"
                        + " add it nullable without the default, backfill in batches, then set the default"));
    }

    /**
     * A default that calls a function the migrations created without IMMUTABLE or STABLE: PostgreSQL treats it as
     * volatile and fills every row. Functions the model does not know (built-ins included) are left alone.
     */
    private static Optional<SqlToken> volatileUserDefault(StatementSite site, List<SqlToken> action) {
        if (site.dialect() != Dialect.POSTGRESQL) {
            return Optional.empty();
        }
        boolean inDefault = false;
        for (int i = 0; i + 1 < action.size(); i++) {
            SqlToken token = action.get(i);
            inDefault |= token.isWord("DEFAULT");
            if (!inDefault || token.type() != SqlToken.Type.WORD || !action.get(i + 1).isSymbol('(')) {
                continue;
            }
            String prefix = "function " + site.names().key(token.text().toLowerCase(Locale.ROOT)) + "(";
            boolean userVolatile = site.schema().objects().entrySet().stream().anyMatch(entry -> entry.getKey()
                    .startsWith(prefix) && !entry.getValue().definition().matches("(?s).*\\b(immutable|stable)\\b.*"));
            if (userVolatile) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }

    /**
     * ALTER TABLE ... ALGORITHM=COPY copies the table; LOCK=SHARED or EXCLUSIVE holds writers off for the whole
     * ALTER.
     */
    private static void mysqlBlockingAlter(StatementSite site, FindingSink sink, String table) {
        String algorithm = MysqlOnlineDdl.clause(site, "ALGORITHM");
        String lock = MysqlOnlineDdl.clause(site, "LOCK");
        boolean copy = "COPY".equals(algorithm);
        boolean locked = "SHARED".equals(lock) || "EXCLUSIVE".equals(lock);
        boolean indexBuild = site.containsWord("INDEX") || site.containsWord("KEY") || site.containsWord("UNIQUE");
        if ((copy || locked) && !indexBuild) { // an index build is blocking-index-build's
            site.reportOnTable(sink, RULE, site.wordToken(copy ? "ALGORITHM" : "LOCK"), table,
                    (copy ? "ALGORITHM=COPY copies every row of " + table + " into a new table"
                            : "LOCK=" + lock + " holds every write to " + table + " off") + " for the whole ALTER;"
                            + " use ALGORITHM=INPLACE (or INSTANT) with LOCK=NONE, so that MySQL refuses what it cannot"
                            + " do online");
        }
    }
}
