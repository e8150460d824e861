package dev.drydock.validator.parse;

import dev.drydock.shared.sql.SqlToken;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL's grammar for dropping objects that are named alone, {@code DROP <type> [CONCURRENTLY]
 * [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}, which is small enough to check exactly. It catches the
 * MySQL habit {@code DROP INDEX i ON t}, which PostgreSQL rejects.
 */
final class PostgresDropGrammar {

    private static final Set<String> SIMPLE_TYPES = Set.of("DROP TABLE", "DROP INDEX", "DROP VIEW",
            "DROP MATERIALIZED VIEW", "DROP SEQUENCE", "DROP TYPE", "DROP DOMAIN", "DROP SCHEMA", "DROP EXTENSION",
            "DROP COLLATION", "DROP CONVERSION");

    private PostgresDropGrammar() {
    }

    /** The first token PostgreSQL would not accept, if any; empty for statements outside this grammar. */
    static Optional<SqlToken> firstUnexpected(StatementShape shape, List<SqlToken> tokens) {
        if (!SIMPLE_TYPES.contains(shape.kind())) {
            return Optional.empty();
        }
        int i = shape.kind().split(" ").length;
        i = skip(tokens, i, "CONCURRENTLY");
        if (i + 1 < tokens.size() && tokens.get(i).isWord("IF") && tokens.get(i + 1).isWord("EXISTS")) {
            i += 2;
        }
        while (true) {
            int afterName = qualifiedName(tokens, i);
            if (afterName == i) {
                return Optional.of(i < tokens.size() ? tokens.get(i) : tokens.get(tokens.size() - 1));
            }
            i = afterName;
            if (i < tokens.size() && tokens.get(i).isSymbol(',')) {
                i++;
                continue;
            }
            break;
        }
        if (i < tokens.size() && (tokens.get(i).isWord("CASCADE") || tokens.get(i).isWord("RESTRICT"))) {
            i++;
        }
        return i < tokens.size() ? Optional.of(tokens.get(i)) : Optional.empty();
    }

    private static int skip(List<SqlToken> tokens, int i, String word) {
        return i < tokens.size() && tokens.get(i).isWord(word) ? i + 1 : i;
    }

    private static int qualifiedName(List<SqlToken> tokens, int i) {
        int at = i;
        while (at < tokens.size() && isIdentifier(tokens.get(at))) {
            at++;
            if (at + 1 < tokens.size() && tokens.get(at).isSymbol('.') && isIdentifier(tokens.get(at + 1))) {
                at++;
            } else {
                break;
            }
        }
        return at;
    }

    private static boolean isIdentifier(SqlToken token) {
        return token.type() == SqlToken.Type.WORD && !token.isWord("CASCADE") && !token.isWord("RESTRICT")
                || token.type() == SqlToken.Type.QUOTED_IDENTIFIER;
    }
}
