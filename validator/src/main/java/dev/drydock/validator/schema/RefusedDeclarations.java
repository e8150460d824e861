package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a database refuses in a declaration before it looks at any other object: a column type's length or
 * precision out of range, an identity or AUTO_INCREMENT on a type that cannot count, a key that names a column twice,
 * a sequence whose bounds shut out its own start ({@link SequenceOptions#refusal}). Each message is the database's own (PostgreSQL 15, MariaDB 10.11;
 * MySQL 8 raises the same errors); a declaration read in part, or a type the model does not know, is left alone.
 */
final class RefusedDeclarations {

    /** A type with its modifiers: {@code varchar (10)}, {@code numeric (10, 2)}, {@code bit varying (5)}. */
    private static final Pattern SIZED = Pattern.compile("([a-z][a-z ]*?) ?\\((\\d+)(?:, ?(-?\\d+))?\\).*");
    private static final Pattern LEADING_WORD = Pattern.compile("([a-z]+)(.*)");
    /** PostgreSQL's built-in types that are not integers, which an identity column refuses. */
    static final Set<String> POSTGRES_NOT_INTEGER = Set.of("text", "character varying", "character", "uuid",
            "numeric", "real", "double precision", "boolean", "date", "timestamp", "timestamp with time zone", "time",
            "json", "jsonb", "bytea", "interval", "money", "inet");
    /** MySQL's and MariaDB's types that AUTO_INCREMENT refuses: it takes only integer and floating-point columns. */
    private static final Set<String> MYSQL_NOT_COUNTING = Set.of("char", "varchar", "text", "tinytext", "mediumtext",
            "longtext", "blob", "tinyblob", "mediumblob", "longblob", "binary", "varbinary", "date", "datetime",
            "timestamp", "time", "json", "enum", "set", "decimal", "numeric", "dec", "fixed");
    /** MySQL's and MariaDB's types whose length may not be left out (error 1064). */
    private static final Set<String> MYSQL_NEEDS_LENGTH = Set.of("varchar", "varbinary", "nvarchar");

    private RefusedDeclarations() {
    }

    /** Why the database refuses the column's type, or null when it takes it. */
    static String columnType(Dialect dialect, ColumnDefinition definition) {
        String declared = definition.declared();
        String name = definition.column().name();
        boolean counting = "identity".equals(definition.column().defaultValue());
        if (declared == null || declared.isEmpty()) {
            return null;
        }
        if (dialect == Dialect.POSTGRESQL) {
            if (counting && !definition.serial()) {
                String type = definition.column().type();
                String base = type.replaceAll("\\(.*?\\)", "");
                if (type.endsWith("[]") || POSTGRES_NOT_INTEGER.contains(base)) {
                    return "identity column type must be smallint, integer, or bigint (column " + name + " is "
                            + declared + "); make it integer or bigint";
                }
            }
            return postgresModifiers(declared);
        }
        if (dialect.isMySqlFamily()) {
            // a TIMESTAMP's NULL default depends on explicit_defaults_for_timestamp, so it is not judged
            if (definition.nullDefaultOnNotNull() && !counting && !definition.column().type().startsWith("timestamp")) {
                return "Invalid default value for '" + name + "' (error 1067: a NOT NULL column cannot default to"
                        + " NULL); drop DEFAULT NULL, or NOT NULL";
            }
            return mysqlType(dialect, declared, name, counting);
        }
        return null;
    }

    private static String postgresModifiers(String declared) {
        Matcher sized = SIZED.matcher(declared);
        if (!sized.matches()) {
            return null;
        }
        String written = sized.group(1);
        String base = TypeName.normalize(Dialect.POSTGRESQL, written);
        BigInteger first = new BigInteger(sized.group(2));
        BigInteger second = sized.group(3) == null ? null : new BigInteger(sized.group(3));
        switch (base) {
            case "character varying", "character", "bit", "bit varying" -> {
                boolean bits = base.startsWith("bit");
                String word = bits ? "bit" : written.startsWith("char") && !base.equals("character varying")
                        ? "char" : "varchar";
                long most = bits ? 83_886_080L : 10_485_760L;
                if (first.signum() == 0) {
                    return "length for type " + word + " must be at least 1; give " + declared + " a length of 1"
                            + " or more";
                }
                if (first.compareTo(BigInteger.valueOf(most)) > 0) {
                    return "length for type " + word + " cannot exceed " + most + (bits ? "" : "; use text");
                }
            }
            case "numeric" -> {
                if (first.signum() == 0 || first.compareTo(BigInteger.valueOf(1000)) > 0) {
                    return "NUMERIC precision " + first + " must be between 1 and 1000; give a precision in that range,"
                            + " or write numeric without one";
                }
                if (second != null && second.abs().compareTo(BigInteger.valueOf(1000)) > 0) {
                    return "NUMERIC scale " + second + " must be between -1000 and 1000";
                }
            }
            case "double precision" -> {
                if (!written.equals("float")) {
                    return null;
                }
                if (first.signum() == 0) {
                    return "precision for type float must be at least 1 bit";
                }
                if (first.compareTo(BigInteger.valueOf(53)) > 0) {
                    return "precision for type float must be less than 54 bits; write double precision";
                }
            }
            default -> {
                return null;
            }
        }
        return null;
    }

    private static String mysqlType(Dialect dialect, String declared, String name, boolean counting) {
        Matcher leading = LEADING_WORD.matcher(declared);
        if (!leading.matches()) {
            return null;
        }
        String word = leading.group(1);
        boolean hasLength = leading.group(2).stripLeading().startsWith("(");
        if (MYSQL_NEEDS_LENGTH.contains(word) && !hasLength) {
            return "syntax error: " + word.toUpperCase(Locale.ROOT) + " needs a length in MySQL and MariaDB (column "
                    + name + "); write " + word + "(255), or use text";
        }
        if (counting && MYSQL_NOT_COUNTING.contains(word)) {
            return "Incorrect column specifier for column '" + name + "': AUTO_INCREMENT takes only integer and"
                    + " floating-point columns; make it int or bigint";
        }
        Matcher sized = SIZED.matcher(declared);
        if (!sized.matches() || !sized.group(1).equals(word)) {
            return null;
        }
        BigInteger first = new BigInteger(sized.group(2));
        BigInteger second = sized.group(3) == null ? null : new BigInteger(sized.group(3));
        int mostScale = dialect == Dialect.MARIADB ? 38 : 30;
        switch (word) {
            case "decimal", "numeric", "dec", "fixed" -> {
                if (first.compareTo(BigInteger.valueOf(65)) > 0) {
                    return "Too big precision " + first + " specified for '" + name + "'. Maximum is 65";
                }
                if (second != null && second.compareTo(first) > 0) {
                    return "For decimal(M,D) M must be >= D (column '" + name + "')";
                }
                if (second != null && second.compareTo(BigInteger.valueOf(mostScale)) > 0) {
                    return "Too big scale " + second + " specified for '" + name + "'. Maximum is " + mostScale;
                }
            }
            case "float", "double", "real" -> {
                if (second != null && second.compareTo(first) > 0) {
                    return "For float(M,D) or double(M,D) M must be >= D (column '" + name + "')";
                }
            }
            case "char", "binary" -> {
                if (first.compareTo(BigInteger.valueOf(255)) > 0) {
                    return "Column length too big for column '" + name + "' (max = 255); use varchar or text";
                }
            }
            case "bit" -> {
                if (first.compareTo(BigInteger.valueOf(64)) > 0) {
                    return "Display width out of range for '" + name + "' (max = 64)";
                }
            }
            default -> {
                return null;
            }
        }
        return null;
    }

    /**
     * The first column a key names a second time, which PostgreSQL ("column appears twice in primary key
     * constraint"), MySQL and MariaDB (error 1060) refuse; null when there is none. SQLite takes it.
     */
    static SqlToken repeatedColumn(Dialect dialect, List<SqlToken> columns) {
        if (dialect != Dialect.POSTGRESQL && !dialect.isMySqlFamily()) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (SqlToken column : columns) {
            boolean caseKept = dialect == Dialect.POSTGRESQL && column.type() == SqlToken.Type.QUOTED_IDENTIFIER;
            String key = caseKept ? column.unquoted() : column.unquoted().toLowerCase(Locale.ROOT);
            if (!seen.add(key)) {
                return column;
            }
        }
        return null;
    }
}
