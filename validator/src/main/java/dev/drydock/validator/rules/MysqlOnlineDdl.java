package dev.drydock.validator.rules;

import dev.drydock.shared.sql.SqlToken;

import java.util.List;
import java.util.Locale;

/** MySQL's and MariaDB's online DDL clauses, ALGORITHM and LOCK, as the locking rules read them. */
final class MysqlOnlineDdl {

    private MysqlOnlineDdl() {
    }

    /**
     * An online DDL clause of MySQL and MariaDB: the value after {@code ALGORITHM} or {@code LOCK} (with or without
     * {@code =}), upper case, or null when the clause is absent.
     */
    static String clause(StatementSite site, String clause) {
        List<SqlToken> tokens = site.tokens();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord(clause)) {
                boolean equals = tokens.get(i + 1).isSymbol('=') && i + 2 < tokens.size();
                SqlToken value = equals ? tokens.get(i + 2) : tokens.get(i + 1);
                return value.text().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /**
     * Whether a MySQL index build may block writes: no ALGORITHM or LOCK clause to make it fail instead, or one
     * that asks for the blocking way (ALGORITHM=COPY, LOCK=SHARED or EXCLUSIVE).
     */
    static boolean mayBlock(StatementSite site) {
        String algorithm = clause(site, "ALGORITHM");
        String lock = clause(site, "LOCK");
        return algorithm == null && lock == null || "COPY".equals(algorithm) || "SHARED".equals(lock)
                || "EXCLUSIVE".equals(lock);
    }
}
