package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.sql.SqlToken;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code d1-pragma-not-allowed}: a PRAGMA outside the few D1 lets a query run.
 */
final class D1PragmaNotAllowed implements StatementRules {

    static final Rule RULE = Rule.of("d1-pragma-not-allowed", Severity.ERROR, "dialect",
            "a PRAGMA that D1 does not allow",
            "D1 accepts only a few PRAGMAs (table_info, table_list, index_list, foreign_key_list, foreign_key_check,"
                    + " defer_foreign_keys, optimize, quick_check and the like); others fail with SQLITE_AUTH. Remove"
                    + " it, or use the allowed equivalent named in the message.")
            .on(Dialect.D1)
            .example(Dialect.D1, "PRAGMA journal_mode = WAL;", "SELECT 1;");

    /** The PRAGMAs D1 lets a query run (Cloudflare's D1 SQL reference). */
    private static final Set<String> ALLOWED_PRAGMAS = Set.of("table_list", "table_info", "table_xinfo", "index_list",
            "index_info", "index_xinfo", "foreign_key_list", "foreign_key_check", "foreign_keys", "defer_foreign_keys",
            "case_sensitive_like", "ignore_check_constraints", "legacy_alter_table", "recursive_triggers",
            "reverse_unordered_selects", "optimize", "quick_check", "integrity_check");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        DialectTarget target = site.target(Dialect.D1);
        if (target == null) {
            return;
        }
        SqlToken nameToken = pragmaName(site);
        if (nameToken == null) {
            return;
        }
        String name = nameToken.text().toLowerCase(Locale.ROOT);
        if (!ALLOWED_PRAGMAS.contains(name)) {
            site.report(sink, RULE, nameToken, target, "PRAGMA " + name + " is not allowed"
                    + " on D1 and fails with SQLITE_AUTH; remove it (D1 manages " + name + " itself)");
        }
    }

    /** The name of a PRAGMA statement's pragma ({@code PRAGMA main.foreign_keys}: foreign_keys), or null. */
    static SqlToken pragmaName(StatementSite site) {
        List<SqlToken> tokens = site.tokens();
        if (!site.kind().equals("PRAGMA") || tokens.size() < 2) {
            return null;
        }
        return tokens.get(tokens.size() > 3 && tokens.get(2).isSymbol('.') ? 3 : 1);
    }
}
