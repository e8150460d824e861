package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;

import java.util.List;

/** {@code unique-constraint-blocking}: ADD UNIQUE or PRIMARY KEY builds its index while the table is locked. */
final class UniqueConstraintBlocking implements StatementRules {

    static final Rule RULE = Rule.of("unique-constraint-blocking", Severity.WARNING, "locking",
            "ADD UNIQUE or ADD PRIMARY KEY on an existing table without USING INDEX",
            "PostgreSQL builds the constraint's index under an ACCESS EXCLUSIVE lock: the table is unreadable and"
                    + " unwritable until the build ends. Build a unique index CONCURRENTLY first (in a migration"
                    + " outside a transaction), then ADD CONSTRAINT ... UNIQUE USING INDEX (or PRIMARY KEY USING"
                    + " INDEX), which is instant.")
            .on(Dialect.POSTGRESQL)
            .example(Dialect.POSTGRESQL, "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);",
                    "ALTER TABLE users DROP CONSTRAINT users_email_key;");

    /** An inline UNIQUE or PRIMARY KEY in an ADD COLUMN, outside parentheses (not inside a CHECK or a default). */
    private static java.util.Optional<SqlToken> inlineKey(List<SqlToken> action) {
        int depth = 0;
        for (int i = 0; i < action.size(); i++) {
            SqlToken token = action.get(i);
            depth += token.isSymbol('(') ? 1 : token.isSymbol(')') ? -1 : 0;
            if (depth == 0 && (token.isWord("UNIQUE") || token.isWord("PRIMARY") && i + 1 < action.size()
                    && action.get(i + 1).isWord("KEY"))) {
                return java.util.Optional.of(token);
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public void check(StatementSite site, FindingSink sink) {
        String table = AlterTableActions.existingPostgresTable(site);
        if (table == null) {
            return;
        }
        for (List<SqlToken> action : AlterTableActions.of(site.tokens())) {
            if (!action.get(0).isWord("ADD") || action.size() < 2) {
                continue;
            }
            int at = action.get(1).isWord("CONSTRAINT") ? 3 : 1;
            if (at >= action.size() || AlterTableActions.has(action, "USING") && AlterTableActions.has(action, "INDEX")) {
                continue;
            }
            SqlToken kind = action.get(at);
            boolean column = !kind.isWord("UNIQUE") && !kind.isWord("PRIMARY") && !kind.isWord("CHECK")
                    && !kind.isWord("FOREIGN") && !kind.isWord("EXCLUDE");
            if (column) {
                inlineKey(action).ifPresent(key -> site.reportOnTable(sink, RULE, key, table, "adding a column with "
                        + (key.isWord("UNIQUE") ? "UNIQUE" : "PRIMARY KEY") + " builds its index on " + table
                        + " under an ACCESS EXCLUSIVE lock; add the column, CREATE UNIQUE INDEX CONCURRENTLY, then ADD"
                        + " CONSTRAINT ... USING INDEX"));
            } else if (kind.isWord("UNIQUE") || kind.isWord("PRIMARY")) {
                String what = kind.isWord("UNIQUE") ? "UNIQUE" : "PRIMARY KEY";
                site.reportOnTable(sink, RULE, action.get(0), table, "ADD " + what + " builds its index on " + table
                        + " under an ACCESS EXCLUSIVE lock; CREATE UNIQUE INDEX CONCURRENTLY first, then ADD "
                        + "CONSTRAINT ... " + what + " USING INDEX");
            }
        }
    }
}
