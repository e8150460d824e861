package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which column types a foreign key may join. PostgreSQL needs an equality operator between the referencing and the
 * referenced type that the referenced key's index can use, else "foreign key constraint cannot be implemented".
 * MySQL and MariaDB need integers of the same size and sign ("incorrectly formed", even with FOREIGN_KEY_CHECKS
 * off), and refuse an integer against a string. Measured on PostgreSQL 15 and MariaDB 10.11 for every pair of the
 * types below; a type not listed (domains, enums, arrays, extensions' types; on MySQL anything but integers and
 * strings) is never judged.
 */
final class ForeignKeyTypes {

    private static final Set<String> INTEGERS = Set.of("smallint", "integer", "bigint");
    private static final Set<String> NUMBERS = AssignmentCasts.NUMBERS;
    private static final Set<String> FLOATS = Set.of("real", "double precision");
    private static final Set<String> STRINGS = AssignmentCasts.STRINGS;
    private static final Set<String> DATETIMES = Set.of("date", "timestamp", "timestamp with time zone");
    private static final Set<String> KNOWN = Set.of("smallint", "integer", "bigint", "numeric", "real",
            "double precision", "text", "character varying", "character", "boolean", "uuid", "date", "timestamp",
            "timestamp with time zone", "time", "interval", "bytea", "inet", "money");

    private ForeignKeyTypes() {
    }

    private static final List<String> MYSQL_INTEGERS = List.of("tinyint", "smallint", "mediumint", "int", "bigint");
    private static final Set<String> MYSQL_STRINGS = Set.of("char", "varchar");

    /** Whether the database certainly refuses a key from a column of type {@code referencing} to one of {@code referenced}. */
    static boolean refused(Dialect dialect, String referencing, String referenced) {
        if (dialect == Dialect.POSTGRESQL) {
            return refusedByPostgres(referencing, referenced);
        }
        return dialect.isMySqlFamily() && refusedByMysql(referencing, referenced);
    }

    private static boolean refusedByMysql(String referencing, String referenced) {
        String[] from = referencing.toLowerCase(Locale.ROOT).replace("(", " (").split("\\s+");
        String[] to = referenced.toLowerCase(Locale.ROOT).replace("(", " (").split("\\s+");
        String fromBase = mysqlBase(from[0]);
        String toBase = mysqlBase(to[0]);
        boolean fromInteger = MYSQL_INTEGERS.contains(fromBase);
        boolean toInteger = MYSQL_INTEGERS.contains(toBase);
        if (fromInteger && toInteger) {
            return !fromBase.equals(toBase) || List.of(from).contains("unsigned") != List.of(to).contains("unsigned");
        }
        return fromInteger && MYSQL_STRINGS.contains(toBase) || toInteger && MYSQL_STRINGS.contains(fromBase);
    }

    private static String mysqlBase(String word) {
        return switch (word) {
            case "integer" -> "int";
            case "character" -> "char";
            default -> word;
        };
    }

    private static boolean refusedByPostgres(String referencing, String referenced) {
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
    static String mismatch(Dialect dialect, List<Column> columns, Table target, List<String> refColumns) {
        for (int i = 0; i < Math.min(columns.size(), refColumns.size()); i++) {
            Column column = columns.get(i);
            Column referenced = target.columns().get(refColumns.get(i));
            if (column != null && referenced != null && refused(dialect, column.type(), referenced.type())) {
                return column.name() + " (" + column.type() + ") and " + target.name() + "." + referenced.name()
                        + " (" + referenced.type() + ")";
            }
        }
        return null;
    }
}
