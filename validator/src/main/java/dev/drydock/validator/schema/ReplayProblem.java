package dev.drydock.validator.schema;

import dev.drydock.shared.sql.SqlToken;

/**
 * What the replay found wrong with a statement: it names an object that does not exist at that point, or
 * creates one that already does.
 *
 * @param at the token the finding points at
 */
public record ReplayProblem(Kind kind, SqlToken at, String message) {

    public enum Kind { UNKNOWN_OBJECT, DUPLICATE_OBJECT }
}
