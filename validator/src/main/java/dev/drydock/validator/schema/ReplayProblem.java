package dev.drydock.validator.schema;

import dev.drydock.shared.sql.SqlToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the replay found wrong with a statement: it names an object that does not exist at that point, creates one
 * that already does, drops one that other objects depend on, gives a column a type PostgreSQL cannot convert
 * it to on its own, joins columns of types a foreign key cannot join, or declares what the database refuses (a
 * type's length out of range, a key naming a column twice, a view replaced without one of its columns).
 *
 * @param at      the token the finding points at
 * @param subject the object, as the message names it ({@code index users_email_idx}, {@code column c of table t})
 */
public record ReplayProblem(Kind kind, SqlToken at, String subject, String message) {

    public enum Kind { UNKNOWN_OBJECT, DUPLICATE_OBJECT, DEPENDENT_OBJECTS, TYPE_CHANGE_WITHOUT_USING,
        FOREIGN_KEY_TYPE_MISMATCH, REFUSED_DECLARATION }

    private static final Set<String> KIND_WORDS = Set.of("table", "index", "column", "of", "on", "view",
            "materialized", "sequence", "type", "function", "procedure", "aggregate", "trigger", "policy",
            "constraint", "schema", "extension", "domain", "rule", "role", "comment", "operator", "family", "class", "value");
    /** Words after which a kind goes on: {@code materialized view}, {@code operator family}, {@code comment on column}. */
    private static final Set<String> KIND_CONTINUES = Set.of("materialized", "operator", "comment", "on", "of");

    /**
     * The names in {@code subject}, schema and table parts included, without the words that say what they are.
     * Those words stand first and after "of" or "on" ({@code column role of table type}): anywhere else a word is
     * a name, even one spelt like a kind (a type called {@code role}).
     */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        boolean kindExpected = true;
        for (String word : subject.toLowerCase(Locale.ROOT).split("[\\s.()]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (kindExpected && KIND_WORDS.contains(word)) {
                kindExpected = KIND_CONTINUES.contains(word);
                continue;
            }
            if (word.equals("of") || word.equals("on")) {
                kindExpected = true;
            } else {
                names.add(word);
                kindExpected = false;
            }
        }
        return names;
    }
}
