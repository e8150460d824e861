package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sequence's options as PostgreSQL keeps them, so that {@code START 1} and pg_dump's {@code START WITH 1
 * INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1} compare equal: optional words dropped, each option once, and the
 * values that are the defaults (bigint, increment 1, no bounds, start 1, cache 1, no cycle) left out.
 */
final class SequenceOptions {

    private static final Map<String, String> DEFAULTS = Map.of("as", "bigint", "increment", "1", "start", "1",
            "cache", "1");

    private SequenceOptions() {
    }

    static String canonical(List<SqlToken> options) {
        Map<String, String> kept = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        TokenCursor cursor = new TokenCursor(options);
        while (!cursor.atEnd()) {
            if (cursor.accept("AS")) {
                kept.put("as", TypeName.normalize(Dialect.POSTGRESQL, cursor.next().text()));
            } else if (cursor.accept("INCREMENT")) {
                cursor.accept("BY");
                kept.put("increment", number(cursor));
            } else if (cursor.accept("START")) {
                cursor.accept("WITH");
                kept.put("start", number(cursor));
            } else if (cursor.accept("MINVALUE") || cursor.accept("MAXVALUE") || cursor.accept("CACHE")) {
                kept.put(cursor.current().text().toLowerCase(Locale.ROOT), number(cursor));
            } else if (cursor.accept("NO", "MINVALUE") || cursor.accept("NO", "MAXVALUE") || cursor.accept("NO", "CYCLE")) {
                kept.remove(cursor.current().text().toLowerCase(Locale.ROOT));
            } else if (cursor.accept("CYCLE")) {
                kept.put("cycle", "");
            } else if (cursor.accept("OWNED", "BY")) {
                cursor.name(); // the owner is kept apart, as the table the sequence belongs to
            } else {
                other.add(TokenCursor.normalized(List.of(cursor.next())));
            }
        }
        StringBuilder text = new StringBuilder();
        kept.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(option -> !option.getValue().equals(DEFAULTS.get(option.getKey())))
                .forEach(option -> text.append(option.getKey()).append(option.getValue().isEmpty() ? "" : " ")
                        .append(option.getValue()).append(' '));
        other.forEach(word -> text.append(word).append(' '));
        return text.toString().trim();
    }

    private static String number(TokenCursor cursor) {
        SqlToken token = cursor.next();
        if (token != null && token.isSymbol('-') && !cursor.atEnd()) {
            return "-" + cursor.next().text();
        }
        return token == null ? "" : token.text();
    }
}
