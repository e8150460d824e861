package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;

import java.util.List;
import java.util.Locale;

/**
 * {@code security-weakening}: row level security turned off, a SECURITY DEFINER routine without SET search_path,
 * {@code PRAGMA ignore_check_constraints = ON}.
 */
final class SecurityWeakening implements StatementRules {

    static final Rule RULE = Rule.of("security-weakening", Severity.WARNING, "security",
            "turning off row level security or check constraints, or SECURITY DEFINER without search_path",
            "DISABLE ROW LEVEL SECURITY exposes every row; a SECURITY DEFINER function without SET search_path can"
                    + " be hijacked by objects in a schema the caller controls; PRAGMA ignore_check_constraints"
                    + " lets bad rows in. Keep the protection, or add SET search_path = pg_catalog, public to the"
                    + " function.")
            .example(Dialect.POSTGRESQL, "ALTER TABLE users DISABLE ROW LEVEL SECURITY;",
                    "ALTER TABLE users ENABLE ROW LEVEL SECURITY;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        String kind = site.kind();
        List<SqlToken> tokens = site.tokens();
        if (kind.equals("ALTER TABLE")) {
            for (int i = 0; i + 3 < tokens.size(); i++) {
                if (tokens.get(i).isWord("DISABLE") && tokens.get(i + 1).isWord("ROW")) {
                    site.report(sink, RULE, tokens.get(i), null, "turning row level security"
                            + " off on " + site.object() + " exposes every row to every role with access to the"
                            + " table; fix the policy instead");
                } else if (tokens.get(i).isWord("NO") && tokens.get(i + 1).isWord("FORCE")) {
                    site.report(sink, RULE, tokens.get(i), null, "NO FORCE ROW LEVEL SECURITY lets the"
                            + " owner of " + site.object() + " (and so a SECURITY DEFINER function it owns) read"
                            + " and write every row past the policies; keep FORCE and fix the policy instead");
                }
            }
        }
        if ((kind.endsWith("FUNCTION") || kind.endsWith("PROCEDURE")) && kind.startsWith("CREATE")) {
            int definer = -1;
            boolean searchPath = false;
            for (int i = 0; i < tokens.size(); i++) {
                if (tokens.get(i).isWord("DEFINER") && i > 0 && tokens.get(i - 1).isWord("SECURITY")) {
                    definer = i;
                }
                if (tokens.get(i).isWord("SET") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("search_path")) {
                    searchPath = true;
                }
            }
            if (definer > 0 && !searchPath) {
                site.report(sink, RULE, tokens.get(definer), null, "a SECURITY DEFINER"
                        + " function without SET search_path runs with its owner's rights and resolves names through"
                        + " the caller's search_path, so the caller can substitute objects; add SET search_path ="
                        + " pg_catalog, public (or the schemas it needs)");
            }
        }
        if (kind.equals("PRAGMA") && site.containsWord("ignore_check_constraints")) {
            String value = tokens.get(tokens.size() - 1).text().toLowerCase(Locale.ROOT);
            if (value.equals("on") || value.equals("1") || value.equals("true") || value.equals("yes")) {
                site.report(sink, RULE, site.first(), null, "PRAGMA ignore_check_constraints"
                        + " = ON lets rows that break CHECK constraints in; fix the data instead");
            }
        }
    }
}
