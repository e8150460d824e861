package dev.drydock.validator.statement;

import dev.drydock.shared.sql.SqlToken;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** PostgreSQL's locations count bytes of the statement's UTF-8 text; tokens count characters of the file. */
record TreeLocations(String text, int offset, List<SqlToken> tokens) {

    /** The token at byte {@code location} of the text, or {@code otherwise} when there is none. */
    SqlToken token(int location, SqlToken otherwise) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (location < 0 || location >= utf8.length) {
            return otherwise;
        }
        int character = offset + new String(utf8, 0, location, StandardCharsets.UTF_8).length();
        for (SqlToken token : tokens) {
            if (token.start() == character) {
                return token;
            }
        }
        return otherwise;
    }

    /** The last part of the qualified name that starts at {@code first}: {@code a} of {@code t.a}. */
    SqlToken lastPartOf(SqlToken first) {
        int at = tokens.indexOf(first);
        while (at >= 0 && at + 2 < tokens.size() && tokens.get(at + 1).isSymbol('.')) {
            at += 2;
        }
        return at < 0 ? first : tokens.get(at);
    }
}
