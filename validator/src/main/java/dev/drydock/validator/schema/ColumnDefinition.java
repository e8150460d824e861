package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One column definition, {@code email varchar(255) NOT NULL DEFAULT '' REFERENCES x(id) ON DELETE CASCADE},
 * read into the column and the constraints written on it.
 *
 * @param declared            the type as written, in lower case ({@code varchar(20)}); empty when none is written
 * @param nullDefaultOnNotNull whether both {@code NOT NULL} and {@code DEFAULT NULL} are written
 */
record ColumnDefinition(Column column, List<InlineConstraint> constraints, boolean serial, boolean generatedStored,
                        SqlToken nameToken, String declared, boolean nullDefaultOnNotNull) {

    /** A constraint written on the column; {@code name} is null when the database names it. */
    record InlineConstraint(String name, Constraint.Kind kind, String references, List<String> refColumns,
                            String onDelete, String definition) {
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern NUMBER_TYPE = Pattern.compile(
            "(tiny|small|medium|big)?int(eger)?(\\(\\d+\\))?( unsigned)?|numeric.*|decimal.*|real|double.*|float.*");
    private static final Pattern DECIMAL_SCALE = Pattern.compile("(?:decimal|numeric)\\(\\d+,(\\d+)\\)");
    private static final Pattern CURRENT_TIMESTAMP = Pattern.compile("(current_timestamp|now|localtimestamp)( \\(\\))?");
    private static final Set<String> CONSTRAINT_WORDS = Set.of("CONSTRAINT", "NOT", "NULL", "DEFAULT", "PRIMARY",
            "UNIQUE", "REFERENCES", "CHECK", "GENERATED", "AUTO_INCREMENT", "AUTOINCREMENT", "COLLATE", "COMMENT",
            "ON", "AS", "IDENTITY", "CHARSET", "FIRST", "AFTER", "INVISIBLE", "VISIBLE", "STORAGE", "COLUMN_FORMAT",
            "KEY");

    static ColumnDefinition read(Dialect dialect, List<SqlToken> tokens) {
        TokenCursor cursor = new TokenCursor(tokens);
        SqlToken nameToken = cursor.peek();
        String name = TokenCursor.unquote(cursor.next());
        List<SqlToken> typeTokens = new ArrayList<>();
        while (!cursor.atEnd() && !startsConstraint(cursor)) {
            SqlToken token = cursor.next();
            typeTokens.add(token);
            if (token.isSymbol('(')) {
                int depth = 1;
                while (!cursor.atEnd() && depth > 0) {
                    SqlToken inner = cursor.next();
                    depth += inner.nesting();
                    typeTokens.add(inner);
                }
            }
        }
        String declared = TokenCursor.normalized(typeTokens).replace(" . ", "."); // billing.amount, a schema's type
        boolean serial = dialect == Dialect.POSTGRESQL && TypeName.isSerial(declared);
        boolean notNull = serial;
        boolean notNullWritten = false;
        boolean nullDefault = false;
        boolean counted = false;
        String defaultValue = null;
        boolean generatedStored = false;
        List<InlineConstraint> constraints = new ArrayList<>();
        String constraintName = null;
        while (!cursor.atEnd()) {
            if (cursor.accept("CONSTRAINT")) {
                constraintName = cursor.name();
            } else if (cursor.accept("NOT", "NULL")) {
                notNull = true;
                notNullWritten = true;
            } else if (cursor.accept("NULL")) {
                notNull = false;
                notNullWritten = false;
            } else if (cursor.accept("DEFAULT")) {
                List<SqlToken> expression = defaultExpression(cursor);
                nullDefault = expression.size() == 1 && expression.get(0).isWord("NULL");
                defaultValue = defaultValue(dialect, expression, TypeName.normalize(dialect, declared));
            } else if (cursor.accept("PRIMARY", "KEY")) {
                notNull = true;
                constraints.add(new InlineConstraint(constraintName, Constraint.Kind.PRIMARY_KEY, null, List.of(),
                        "", ""));
                constraintName = null;
                cursor.accept("ASC");
                cursor.accept("DESC");
            } else if (cursor.accept("UNIQUE")) {
                if (!cursor.accept("KEY")) {
                    cursor.acceptNullsDistinct();
                }
                constraints.add(new InlineConstraint(constraintName, Constraint.Kind.UNIQUE, null, List.of(), "", ""));
                constraintName = null;
            } else if (cursor.accept("REFERENCES")) {
                constraints.add(references(constraintName, cursor));
                constraintName = null;
            } else if (cursor.accept("CHECK")) {
                constraints.add(new InlineConstraint(constraintName, Constraint.Kind.CHECK, null, List.of(), "",
                        CheckCondition.of(dialect, cursor.parenthesized())));
                constraintName = null;
            } else if (cursor.accept("GENERATED")) {
                List<SqlToken> rest = cursor.until("NOT", "NULL", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK",
                        "CONSTRAINT");
                String text = TokenCursor.normalized(rest);
                if (text.matches("(always|by default) as identity\\b.*")) { // not a generated column naming identity_id
                    notNull = true;
                    defaultValue = "identity";
                } else {
                    generatedStored = text.endsWith("stored");
                    defaultValue = "generated " + text;
                }
            } else if (cursor.accept("AS")) {
                String text = TokenCursor.normalized(cursor.until("NOT", "NULL", "PRIMARY", "UNIQUE", "CHECK"));
                generatedStored = text.endsWith("stored");
                defaultValue = "generated " + text;
            } else if (cursor.accept("AUTO_INCREMENT") || cursor.accept("AUTOINCREMENT")
                    || cursor.accept("IDENTITY")) {
                defaultValue = "identity";
                counted = true;
                cursor.parenthesized();
            } else {
                cursor.next(); // COLLATE x, COMMENT 'x', ON UPDATE ..., storage options: no schema difference we track
            }
        }
        Column column = new Column(name, TypeName.normalize(dialect, declared), notNull, defaultValue);
        return new ColumnDefinition(column, constraints, serial, generatedStored, nameToken,
                declared.replace(" (", "(").replace(" [ ]", "[]"), notNullWritten && nullDefault && !counted);
    }

    private static boolean startsConstraint(TokenCursor cursor) {
        SqlToken token = cursor.peek();
        if (token.type() != SqlToken.Type.WORD) {
            return false;
        }
        if (token.isWord("CHARACTER") && cursor.peek(1) != null && cursor.peek(1).isWord("SET")) {
            return true;
        }
        return CONSTRAINT_WORDS.stream().anyMatch(token::isWord);
    }

    /**
     * A default as the model keeps it. PostgreSQL stores no default for {@code DEFAULT NULL} (or a cast of NULL), and
     * MySQL and MariaDB show a nullable column without one as {@code DEFAULT NULL}: either way it is the same column
     * as one without a default, so it is kept as none. SQLite keeps the text as declared.
     */
    static String defaultValue(Dialect dialect, List<SqlToken> expression, String type) {
        if (dialect == Dialect.SQLITE || dialect == Dialect.D1) {
            return TokenCursor.verbatim(expression);
        }
        String text = TokenCursor.expression(expression);
        if (dialect == Dialect.POSTGRESQL) { // pg_dump's public.uuid_generate_v4() and nextval('public.t_id_seq')
            text = text.replace("public . ", "").replace("('public.", "('");
        }
        return text.equals("null") ? null : constant(dialect, text, type); // casts and parentheses are gone
    }

    /**
     * A constant default as the database stores it for the column's type, so that two spellings of one value
     * compare equal: PostgreSQL keeps {@code false} for a boolean's {@code 'f'} and {@code 0} for an integer's
     * {@code '0'}; MySQL keeps numbers for {@code TRUE} and {@code '1'} alike, a decimal's at its scale, and
     * {@code current_timestamp()} for {@code now()}. Anything else is kept as written.
     */
    private static String constant(Dialect dialect, String text, String type) {
        boolean quoted = text.length() >= 2 && text.startsWith("'") && text.indexOf('\'', 1) == text.length() - 1;
        String value = (quoted ? text.substring(1, text.length() - 1) : text).replaceFirst("^- (?=\\d)", "-")
                .toLowerCase(Locale.ROOT);
        boolean mysql = dialect == Dialect.MYSQL || dialect == Dialect.MARIADB;
        if (type.equals("boolean") && !mysql) {
            if (Set.of("t", "true", "y", "yes", "on", "1").contains(value)) {
                return "true";
            }
            if (Set.of("f", "false", "n", "no", "off", "0").contains(value)) {
                return "false";
            }
        }
        if (NUMBER_TYPE.matcher(type).matches()) {
            if (mysql && (value.equals("true") || value.equals("false"))) {
                return value.equals("true") ? "1" : "0";
            }
            // PostgreSQL folds a quoted number into the same constant only for integer; a bigint's '5' is kept
            // as '5'::bigint and its 5 as 5, which pg_dump prints apart
            if (NUMBER.matcher(value).matches() && (mysql || type.equals("integer"))) {
                Matcher scale = DECIMAL_SCALE.matcher(type);
                // MySQL and MariaDB keep a decimal's default at the column's scale: DEFAULT 0 is 0.00
                return mysql && scale.matches() ? new BigDecimal(value).setScale(Integer.parseInt(scale.group(1)),
                        RoundingMode.HALF_UP).toPlainString() : value;
            }
        }
        if (mysql && CURRENT_TIMESTAMP.matcher(value).matches()) {
            return "current_timestamp"; // MariaDB shows current_timestamp() for all three spellings
        }
        return text;
    }

    /** The default's expression: up to the next constraint word at the top level. */
    private static List<SqlToken> defaultExpression(TokenCursor cursor) {
        List<SqlToken> expression = new ArrayList<>();
        int depth = 0;
        while (!cursor.atEnd()) {
            SqlToken token = cursor.peek();
            if (depth == 0 && !expression.isEmpty() && startsConstraint(cursor)) {
                break;
            }
            depth += token.nesting();
            expression.add(cursor.next());
        }
        return expression;
    }

    /** After REFERENCES: {@code table [(columns)] [ON DELETE action] [ON UPDATE action] [MATCH ...] [DEFERRABLE]}. */
    static InlineConstraint references(String name, TokenCursor cursor) {
        String table = cursor.name();
        List<String> refColumns = TokenCursor.identifiers(cursor.parenthesized());
        String onDelete = "NO ACTION";
        while (!cursor.atEnd()) {
            if (cursor.accept("ON", "DELETE")) {
                onDelete = action(cursor);
            } else if (cursor.accept("ON", "UPDATE")) {
                action(cursor);
            } else if (cursor.isWord("MATCH") || cursor.isWord("DEFERRABLE") || cursor.isWord("INITIALLY")
                    || cursor.isWord("IMMEDIATE") || cursor.isWord("DEFERRED")
                    || cursor.isWord("NOT") && cursor.peek(1) != null && cursor.peek(1).isWord("DEFERRABLE")) {
                cursor.next();
            } else {
                break;
            }
        }
        return new InlineConstraint(name, Constraint.Kind.FOREIGN_KEY, table, refColumns, onDelete, "");
    }

    private static String action(TokenCursor cursor) {
        if (cursor.accept("SET", "NULL")) {
            return "SET NULL";
        }
        if (cursor.accept("SET", "DEFAULT")) {
            return "SET DEFAULT";
        }
        if (cursor.accept("NO", "ACTION")) {
            return "NO ACTION";
        }
        SqlToken word = cursor.next();
        return word == null ? "NO ACTION" : word.text().toUpperCase(java.util.Locale.ROOT);
    }
}
