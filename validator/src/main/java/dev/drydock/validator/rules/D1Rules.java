package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.schema.Constraint;
import dev.drydock.validator.schema.SchemaModel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Cloudflare D1's own restrictions on top of SQLite's: the {@code d1-*} rules. */
final class D1Rules implements StatementRules {

    /** The PRAGMAs D1 lets a query run (Cloudflare's D1 SQL reference). */
    private static final Set<String> ALLOWED_PRAGMAS = Set.of("table_list", "table_info", "table_xinfo", "index_list",
            "index_info", "index_xinfo", "foreign_key_list", "foreign_key_check", "foreign_keys", "defer_foreign_keys",
            "case_sensitive_like", "ignore_check_constraints", "legacy_alter_table", "recursive_triggers",
            "reverse_unordered_selects", "optimize", "quick_check", "integrity_check");
    private static final Set<String> TRANSACTION_WORDS = Set.of("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE",
            "END");
    private static final int MAX_STATEMENT_BYTES = 100 * 1024;
    private static final int MAX_COLUMNS = 100;
    private static final int MAX_PARAMETERS = 100;

    @Override
    public void check(StatementSite site, FindingSink sink) {
        for (DialectTarget target : site.targets()) {
            if (target.dialect() == Dialect.D1) {
                check(site, target, sink);
            }
        }
    }

    private static void check(StatementSite site, DialectTarget target, FindingSink sink) {
        String kind = site.kind();
        if (TRANSACTION_WORDS.contains(kind)) {
            site.report(sink, RuleCatalog.D1_EXPLICIT_TRANSACTION, site.first(), target, kind + " is rejected by D1,"
                    + " which runs each migration file in a transaction of its own; remove it");
        }
        if (kind.equals("PRAGMA")) {
            pragma(site, target, sink);
        }
        if (kind.equals("DROP TABLE")) {
            cascade(site, target, sink);
        }
        limits(site, target, sink);
        unsupportedObjects(site, target, sink);
    }

    private static void pragma(StatementSite site, DialectTarget target, FindingSink sink) {
        List<SqlToken> tokens = site.tokens();
        if (tokens.size() < 2) {
            return;
        }
        SqlToken nameToken = tokens.get(tokens.size() > 3 && tokens.get(2).isSymbol('.') ? 3 : 1);
        String name = nameToken.text().toLowerCase(Locale.ROOT);
        if (!ALLOWED_PRAGMAS.contains(name)) {
            site.report(sink, RuleCatalog.D1_PRAGMA_NOT_ALLOWED, nameToken, target, "PRAGMA " + name + " is not allowed"
                    + " on D1 and fails with SQLITE_AUTH; remove it (D1 manages " + name + " itself)");
            return;
        }
        if (name.equals("foreign_keys") && tokens.size() > 2) {
            String value = tokens.get(tokens.size() - 1).text().toLowerCase(Locale.ROOT).replace("'", "");
            if (value.equals("off") || value.equals("0") || value.equals("false") || value.equals("no")) {
                site.report(sink, RuleCatalog.D1_FOREIGN_KEYS_OFF_NOOP, nameToken, target, "PRAGMA foreign_keys ="
                        + " OFF does nothing on D1: foreign keys stay enforced; use PRAGMA defer_foreign_keys = on to"
                        + " postpone the checks to the end of the migration (ON DELETE actions still run)");
            }
        }
    }

    private static void cascade(StatementSite site, DialectTarget target, FindingSink sink) {
        String parent = site.object();
        if (parent == null || site.schema().table(parent) == null) {
            return;
        }
        for (SchemaModel.Reference found : site.schema().referencesTo(parent)) {
            Constraint reference = found.constraint();
            if (reference.deletesOrNullsChildren()) {
                String child = found.table();
                site.report(sink, RuleCatalog.D1_REBUILD_CASCADE_DATA_LOSS, site.first(), target, "DROP TABLE "
                        + parent + " on D1 " + (reference.onDelete().equals("CASCADE") ? "deletes every row of "
                        : "sets to NULL " + String.join(", ", reference.columns()) + " in every row of ") + child
                        + " (ON DELETE " + reference.onDelete() + "), because D1 cannot turn foreign keys off and"
                        + " defer_foreign_keys does not stop ON DELETE actions; copy " + child + "'s rows aside and"
                        + " restore them after the rebuild, or change its foreign key first");
                return;
            }
        }
    }

    private static void limits(StatementSite site, DialectTarget target, FindingSink sink) {
        int bytes = site.statement().source().text().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_STATEMENT_BYTES) {
            site.report(sink, RuleCatalog.D1_LIMIT_EXCEEDED, site.first(), target, "this statement is " + bytes / 1024
                    + " KB, over D1's 100 KB limit; split it into several statements");
        }
        List<SqlToken> tokens = site.tokens();
        long parameters = tokens.stream().filter(t -> t.isSymbol('?')).count();
        if (parameters > MAX_PARAMETERS) {
            site.report(sink, RuleCatalog.D1_LIMIT_EXCEEDED, site.first(), target, "this statement has " + parameters
                    + " bound parameters, over D1's limit of 100; split it");
        }
        if (site.kind().equals("CREATE TABLE")) {
            String table = site.object();
            int columns = 0;
            int depth = 0;
            for (SqlToken token : tokens) {
                if (token.isSymbol('(')) {
                    depth++;
                    if (depth == 1) {
                        columns++;
                    }
                } else if (token.isSymbol(')')) {
                    depth--;
                } else if (depth == 1 && token.isSymbol(',')) {
                    columns++;
                }
            }
            if (columns > MAX_COLUMNS) {
                site.report(sink, RuleCatalog.D1_LIMIT_EXCEEDED, site.first(), target, "table " + table + " is"
                        + " defined with " + columns + " columns and constraints, over D1's limit of 100 columns;"
                        + " split it into two tables");
            }
        }
    }

    private static void unsupportedObjects(StatementSite site, DialectTarget target, FindingSink sink) {
        String kind = site.kind();
        if (kind.equals("ATTACH") || kind.equals("DETACH")) {
            site.report(sink, RuleCatalog.D1_UNSUPPORTED_OBJECT, site.first(), target, kind + " is not available on"
                    + " D1: each binding is one database; use a second binding from the Worker instead");
            return;
        }
        if (!kind.startsWith("CREATE")) {
            return;
        }
        if (site.wordAt(1, "TEMP") || site.wordAt(1, "TEMPORARY")) {
            site.report(sink, RuleCatalog.D1_UNSUPPORTED_OBJECT, site.tokens().get(1), target, "temporary objects are"
                    + " not available on D1; create a regular table and drop it at the end of the migration");
            return;
        }
        if (kind.equals("CREATE VIRTUAL TABLE") || kind.equals("CREATE TABLE") && site.wordAt(1, "VIRTUAL")) {
            int using = site.indexOfWord("USING");
            if (using > 0 && using + 1 < site.tokens().size()) {
                String module = site.tokens().get(using + 1).text().toLowerCase(Locale.ROOT);
                if (!module.equals("fts5") && !module.equals("rtree")) {
                    site.report(sink, RuleCatalog.D1_UNSUPPORTED_OBJECT, site.tokens().get(using + 1), target,
                            "the virtual table module " + module + " is not available on D1, which has fts5 and"
                                    + " rtree only; use fts5 for full-text search");
                }
            }
        }
        String name = site.object();
        if (name != null && name.startsWith("_cf_")) {
            site.report(sink, RuleCatalog.D1_UNSUPPORTED_OBJECT, site.first(), target, "names starting with _cf_ are"
                    + " reserved by D1; rename " + name);
        }
    }
}
