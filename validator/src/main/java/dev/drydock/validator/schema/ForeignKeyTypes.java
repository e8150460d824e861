package dev.drydock.validator.schema;

import java.util.List;
import java.util.Set;

/**
 * Which of PostgreSQL's built-in column types a foreign key may join: it needs an equality operator between the
 * referencing and the referenced type that the referenced key's index can use, else "foreign key constraint cannot
 * be implemented". Measured on PostgreSQL 15 for every pair of the types below; a type not listed (domains, enums,
 * arrays, extensions' types) is never judged.
 */
final class ForeignKeyTypes {

    private static final Set<String> INTEGERS = Set.of("smallint", "integer", "bigint");
    private static final Set<String> NUMBERS = Set.of("smallint", "integer", "bigint", "numeric", "real",
            "double precision");
    private static final Set<String> FLOATS = Set.of("real", "double precision");
    private static final Set<String> STRINGS = Set.of("text", "character varying", "character");
    private static final Set<String> DATETIMES = Set.of("date", "timestamp", "timestamp with time zone");
    private static final Set<String> KNOWN = Set.of("smallint", "integer", "bigint", "numeric", "real",
            "double precision", "text", "character varying", "character", "boolean", "uuid", "date", "timestamp",
            "timestamp with time zone", "time", "interval", "bytea", "inet", "money");

    private ForeignKeyTypes() {
    }

    /** Whether PostgreSQL certainly refuses a key from a column of type {@code referencing} to one of {@code referenced}. */
    static boolean refused(String referencing, String referenced) {
        String from = AssignmentCasts.base(referencing);
        String to = AssignmentCasts.base(referenced);
        if (!KNOWN.contains(from) || !KNOWN.contains(to) || from.equals(to)) {
            return false;
        }
        boolean joins = INTEGERS.contains(from) && NUMBERS.contains(to)
                || from.equals("numeric") && (to.equals("numeric") || FLOATS.contains(to))
                || FLOATS.contains(from) && FLOATS.contains(to)
                || STRINGS.contains(from) && STRINGS.contains(to)
                || DATETIMES.contains(from) && DATETIMES.contains(to)
                || from.equals("time") && to.equals("interval");
        return !joins;
    }

    /**
     * The first pair of columns whose types PostgreSQL cannot join, described for a message ({@code user_id (uuid)
     * and users.id (integer)}), or null.
     */
    static String mismatch(List<Column> columns, Table target, List<String> refColumns) {
        for (int i = 0; i < Math.min(columns.size(), refColumns.size()); i++) {
            Column column = columns.get(i);
            Column referenced = target.columns().get(refColumns.get(i));
            if (column != null && referenced != null && refused(column.type(), referenced.type())) {
                return column.name() + " (" + column.type() + ") and " + target.name() + "." + referenced.name()
                        + " (" + referenced.type() + ")";
            }
        }
        return null;
    }
}
