package dev.drydock.validator.schema;

import java.util.Set;

/**
 * Which of PostgreSQL's built-in types it converts into which on its own when {@code ALTER COLUMN ... TYPE} has no
 * {@code USING}: where an implicit or assignment cast exists (pg_cast), and into every string type (the I/O
 * conversion). Out of a string type there is none: {@code text} to {@code integer} needs {@code USING c::integer}.
 * Measured on PostgreSQL 15 for every pair of the types below, on an empty table (the error does not depend on
 * the rows); a type not listed here (domains, enums, arrays, extensions' types) is never judged.
 */
final class AssignmentCasts {

    static final Set<String> STRINGS = Set.of("text", "character varying", "character");
    static final Set<String> NUMBERS = Set.of("smallint", "integer", "bigint", "numeric", "real",
            "double precision");
    private static final Set<String> KNOWN = Set.of("smallint", "integer", "bigint", "numeric", "real",
            "double precision", "text", "character varying", "character", "boolean", "uuid", "json", "jsonb", "date",
            "timestamp", "timestamp with time zone", "time", "interval", "bytea", "inet", "money", "xml");
    /** The other pairs with a cast PostgreSQL applies on assignment, from the measurement. */
    private static final Set<String> OTHER_PAIRS = Set.of("integer>money", "bigint>money", "numeric>money",
            "money>numeric", "json>jsonb", "jsonb>json", "date>timestamp", "date>timestamp with time zone",
            "timestamp>date", "timestamp>timestamp with time zone", "timestamp>time",
            "timestamp with time zone>date", "timestamp with time zone>timestamp", "timestamp with time zone>time",
            "time>interval", "interval>time");

    private AssignmentCasts() {
    }

    /**
     * Whether PostgreSQL certainly refuses to change a column of type {@code from} to {@code to} without USING
     * (both normalized by {@link TypeName#normalize}).
     */
    static boolean refused(String from, String to) {
        String source = base(from);
        String target = base(to);
        if (!KNOWN.contains(source) || !KNOWN.contains(target) || source.equals(target)) {
            return false;
        }
        boolean converts = STRINGS.contains(target) || NUMBERS.contains(source) && NUMBERS.contains(target)
                || OTHER_PAIRS.contains(source + ">" + target);
        return !converts;
    }

    /** The type without its modifiers: {@code numeric(10,2)} is numeric, {@code timestamp(3) with time zone} too. */
    static String base(String type) {
        return type.replaceAll("\\([^)]*\\)", "").replaceAll("\\s+", " ").trim();
    }
}
