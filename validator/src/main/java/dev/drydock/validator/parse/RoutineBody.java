package dev.drydock.validator.parse;

import dev.drydock.shared.sql.SqlToken;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The string a {@code CREATE FUNCTION}, {@code CREATE PROCEDURE} or {@code DO} statement holds as its body (after
 * AS, or the DO's code), and its language in lower case ({@code plpgsql} for a DO that names none).
 */
record RoutineBody(SqlToken body, String language) {

    static Optional<RoutineBody> of(StatementShape shape, List<SqlToken> tokens) {
        boolean isDo = shape.kind().equals("DO");
        if (!isDo && !shape.kind().equals("CREATE FUNCTION") && !shape.kind().equals("CREATE PROCEDURE")) {
            return Optional.empty();
        }
        SqlToken body = null;
        String language = isDo ? "plpgsql" : null;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (body == null && token.type() == SqlToken.Type.STRING && (isDo || i > 0 && tokens.get(i - 1).isWord("AS"))) {
                body = token;
            }
            if (token.isWord("LANGUAGE") && i + 1 < tokens.size()) {
                language = tokens.get(i + 1).unquoted().toLowerCase(Locale.ROOT);
            }
        }
        return body == null || language == null ? Optional.empty() : Optional.of(new RoutineBody(body, language));
    }
}
