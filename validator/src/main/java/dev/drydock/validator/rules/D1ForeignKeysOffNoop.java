package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.sql.SqlToken;

import java.util.List;
import java.util.Locale;

/**
 * {@code d1-foreign-keys-off-noop}: D1 keeps foreign keys on whatever a migration says.
 */
final class D1ForeignKeysOffNoop implements StatementRules {

    static final Rule RULE = Rule.of("d1-foreign-keys-off-noop", Severity.ERROR,
            "dialect", "PRAGMA foreign_keys = OFF, which does nothing on D1",
            "D1 always enforces foreign keys and ignores PRAGMA foreign_keys inside a migration, so a table"
                    + " rebuild that relies on it fails or, with ON DELETE CASCADE, deletes child rows. Use"
                    + " PRAGMA defer_foreign_keys = on, which postpones the checks to the end of the migration"
                    + " (it does not stop ON DELETE actions).")
            .on(Dialect.D1)
            .example(Dialect.D1, "PRAGMA foreign_keys = OFF;", "PRAGMA foreign_keys = ON;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        DialectTarget target = site.target(Dialect.D1);
        if (target == null) {
            return;
        }
        SqlToken nameToken = D1PragmaNotAllowed.pragmaName(site);
        List<SqlToken> tokens = site.tokens();
        if (nameToken == null || !nameToken.text().equalsIgnoreCase("foreign_keys") || tokens.size() <= 2) {
            return;
        }
        String value = tokens.get(tokens.size() - 1).text().toLowerCase(Locale.ROOT).replace("'", "");
        if (value.equals("off") || value.equals("0") || value.equals("false") || value.equals("no")) {
            site.report(sink, RULE, nameToken, target, "PRAGMA foreign_keys ="
                    + " OFF does nothing on D1: foreign keys stay enforced; use PRAGMA defer_foreign_keys = on to"
                    + " postpone the checks to the end of the migration (ON DELETE actions still run)");
        }
    }
}
