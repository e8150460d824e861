package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;

import java.nio.charset.StandardCharsets;

/** {@code identifier-too-long}: PostgreSQL cuts names to 63 bytes, so two long names can become one. */
final class IdentifierTooLong implements StatementRules {

    /** NAMEDATALEN - 1. */
    static final int MAX_BYTES = 63;

    static final Rule RULE = Rule.of("identifier-too-long", Severity.ERROR, "schema",
            "a PostgreSQL identifier longer than 63 bytes",
            "PostgreSQL silently truncates identifiers to 63 bytes: the object gets another name than the one"
                    + " written, and two long names that share their first 63 bytes collide. Shorten the name.")
            .on(Dialect.POSTGRESQL)
            .example(Dialect.POSTGRESQL, "CREATE INDEX users_name_lookup_for_the_people_search_page_with_autocomplete_idx"
                    + " ON users (name);", "DROP INDEX users_name_lookup_for_the_people_search_page_with_autocomplete_idx;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        if (site.dialect() != Dialect.POSTGRESQL) {
            return;
        }
        for (SqlToken token : site.tokens()) {
            if (token.type() != SqlToken.Type.WORD && token.type() != SqlToken.Type.QUOTED_IDENTIFIER) {
                continue;
            }
            String name = token.unquoted();
            if (name.length() * 3 <= MAX_BYTES) {
                continue; // no UTF-8 form of 21 UTF-16 units reaches 64 bytes: most names are not encoded at all
            }
            int bytes = name.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_BYTES) {
                // a name that swallowed a string literal (a quote left open) is not repeated: it may hold a secret
                boolean plain = name.length() <= 2 * MAX_BYTES && name.indexOf('\n') < 0 && name.indexOf('\'') < 0;
                String shown = plain ? name + " is " : "this name is ";
                site.report(sink, RULE, token, null, shown + bytes + " bytes long; PostgreSQL truncates it to its"
                        + " first " + MAX_BYTES + " bytes, so the object is named otherwise than written; shorten it");
                return;
            }
        }
    }
}
