package dev.drydock.validator.schema;

import dev.drydock.shared.sql.SqlToken;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the replay found wrong with a statement: it names an object that does not exist at that point, creates one
 * that already does, drops one that other objects depend on, gives a column a type PostgreSQL cannot convert
 * it to on its own, or joins columns of types a foreign key cannot join.
 *
 * @param at      the token the finding points at
 * @param subject the object, as the message names it ({@code index users_email_idx}, {@code column c of table t})
 */
public record ReplayProblem(Kind kind, SqlToken at, String subject, String message) {

    public enum Kind { UNKNOWN_OBJECT, DUPLICATE_OBJECT, DEPENDENT_OBJECTS, TYPE_CHANGE_WITHOUT_USING,
        FOREIGN_KEY_TYPE_MISMATCH }

    private static final Set<String> KIND_WORDS = Set.of("table", "index", "column", "of", "on", "view",
            "materialized", "sequence", "type", "function", "procedure", "aggregate", "trigger", "policy",
            "constraint", "schema", "extension", "domain", "rule", "role", "comment");

    /** The names in {@code subject}, schema and table parts included, without the words that say what they are. */
    public List<String> names() {
        return Arrays.stream(subject.toLowerCase(Locale.ROOT).split("[\\s.()]+"))
                .filter(word -> !word.isEmpty() && !KIND_WORDS.contains(word)).toList();
    }
}
