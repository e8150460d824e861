package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlLexer;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.schema.Column;
import dev.drydock.validator.schema.SchemaObject;
import dev.drydock.validator.schema.Table;
import dev.drydock.validator.schema.TypeName;
import dev.drydock.validator.statement.AddColumn;
import dev.drydock.validator.statement.AlterAction;
import dev.drydock.validator.statement.AlterColumn;
import dev.drydock.validator.statement.ColumnSpec;
import dev.drydock.validator.statement.CreateTable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code dml-type-mismatch}: a string literal written into a numeric (or, on PostgreSQL, boolean, uuid or json)
 * column that the database cannot read as one: {@code INSERT INTO t (n) VALUES ('abc')}. A string it can read ('42') is fine, as
 * PostgreSQL and MySQL convert it. SQLite's type affinity stores anything anywhere, so it is never reported there.
 */
final class DmlTypeMismatch implements StatementRules {

    static final Rule RULE = Rule.of("dml-type-mismatch", Severity.ERROR, "schema",
            "a value that cannot be converted to its column's type",
            "The database refuses the statement (PostgreSQL: 'invalid input syntax for type integer'; MySQL in strict"
                    + " mode: 'Incorrect integer value', or 'Invalid default value' for a DEFAULT) and the migration"
                    + " stops there. Write a value of the column's type, or change the column first. Also for a"
                    + " column's DEFAULT ('' for an integer).")
            .on(Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB)
            .example(Dialect.POSTGRESQL, "UPDATE users SET age = 'unknown' WHERE id = 1;",
                    "UPDATE users SET age = NULL WHERE id = 1;");

    private static final Pattern INTEGER_TYPE = Pattern.compile("(tiny|small|medium|big)?int(eger|2|4|8)?\\b.*");
    private static final Pattern DECIMAL_TYPE = Pattern.compile("(numeric|decimal|real|double|float).*");
    private static final Pattern INTEGER = Pattern.compile("\\s*[+-]?\\d+\\s*");
    private static final Pattern DECIMAL = Pattern.compile("\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*"
            + "|\\s*(?i:[+-]?(nan|infinity|inf))\\s*");
    private static final Pattern UUID_DIGITS = Pattern.compile("[0-9a-fA-F]{32}");
    /** What PostgreSQL's boolean input accepts, prefixes included. */
    private static final Pattern BOOLEAN = Pattern.compile("\\s*(?i:t|tr|tru|true|f|fa|fal|fals|false|y|ye|yes|n|no"
            + "|on|of|off|1|0)\\s*");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        Dialect dialect = site.dialect();
        if (dialect != Dialect.POSTGRESQL && !dialect.isMySqlFamily()) {
            return;
        }
        for (ColumnWrite write : ColumnWrite.of(site)) {
            if (check(site, sink, write)) {
                return;
            }
        }
        for (Default declared : defaults(site)) {
            String expected = expected(site, declared.type(), declared.value().stringValue());
            if (expected != null) {
                site.report(sink, RULE, declared.value(), null, "the DEFAULT of column " + declared.column() + " ("
                        + declared.type() + ") is a string that is not " + expected + ": the database refuses it;"
                        + " write " + expected);
                return;
            }
        }
    }

    /** A column's DEFAULT written as one string literal, with the column's type. */
    private record Default(String column, String type, SqlToken value) {
    }

    /** The DEFAULTs of the columns CREATE TABLE and ADD COLUMN declare, and of ALTER COLUMN ... SET DEFAULT. */
    private static List<Default> defaults(StatementSite site) {
        List<Default> defaults = new ArrayList<>();
        List<SqlToken> tokens = site.tokens();
        List<ColumnSpec> declared = new ArrayList<>();
        if (site.typed() instanceof CreateTable create) {
            declared.addAll(create.columns());
        }
        Table table = site.object() == null ? null : site.schema().table(site.object());
        Set<String> retyped = new HashSet<>(); // the model still has the type from before this statement
        for (AlterAction action : site.alterActions()) {
            if (action instanceof AddColumn add) {
                declared.add(add.column());
            } else if (action instanceof AlterColumn alter && alter.change() == AlterColumn.Change.TYPE) {
                retyped.add(alter.column());
            } else if (action instanceof AlterColumn alter && alter.change() == AlterColumn.Change.SET_DEFAULT
                    && table != null && table.columns().containsKey(alter.column()) && !retyped.contains(alter.column())) {
                String type = table.columns().get(alter.column()).type();
                literalAfterDefault(site.dialect(), tokens, tokens.indexOf(alter.at()), type).ifPresent(value -> defaults.add(
                        new Default(alter.column(), type, value)));
            }
        }
        for (ColumnSpec column : declared) {
            if (column.type() != null) {
                literalAfterDefault(site.dialect(), tokens, tokens.indexOf(column.at()), column.type()).ifPresent(value ->
                        defaults.add(new Default(column.name(), column.type(), value)));
            }
        }
        return defaults;
    }

    /**
     * The string literal right after the first DEFAULT at or after {@code from} in the same element, when the
     * default is that literal alone (nothing of an expression follows it) or cast to the column's own type
     * ({@code '{}'::jsonb} for a jsonb column, which reads the literal as that type all the same).
     */
    private static java.util.Optional<SqlToken> literalAfterDefault(Dialect dialect, List<SqlToken> tokens, int from,
                                                                     String type) {
        int depth = 0;
        for (int i = Math.max(from, 0); from >= 0 && i + 1 < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            depth += token.nesting();
            if (depth < 0 || depth == 0 && token.isSymbol(',')) {
                return java.util.Optional.empty(); // the next column
            }
            if (depth == 0 && token.isWord("DEFAULT")) {
                SqlToken value = tokens.get(i + 1);
                int next = i + 2;
                if (next + 2 < tokens.size() && tokens.get(next).isSymbol(':') && tokens.get(next + 1).isSymbol(':')
                        && TypeName.normalize(dialect, tokens.get(next + 2).text()).equals(TypeName.normalize(dialect, type))) {
                    next += 3;
                }
                SqlToken after = next < tokens.size() ? tokens.get(next) : null;
                boolean alone = after == null || after.isSymbol(',') || after.isSymbol(')')
                        || after.type() == SqlToken.Type.WORD;
                return value.stringValue() != null && alone
                        ? java.util.Optional.of(value) : java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }


    /** What a column of {@code type} needs when the string {@code content} is not it, else null. */
    private static String expected(StatementSite site, String declaredType, String content) {
        Dialect dialect = site.dialect();
        String type = declaredType.toLowerCase(Locale.ROOT);
        List<String> labels = enumLabels(site, declaredType);
        if (labels != null) {
            // MySQL compares a label by the column's collation (case-insensitive by default) and drops trailing spaces
            boolean known = dialect.isMySqlFamily()
                    ? labels.stream().anyMatch(label -> label.equalsIgnoreCase(content.stripTrailing()))
                    : labels.contains(content);
            return known ? null : "one of " + labels.stream().map(label -> "'" + label + "'")
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (type.contains("[") || type.matches(".*\\barray\\b.*")) {
            return null; // an array reads '{1,2}'
        }
        if (INTEGER_TYPE.matcher(type).matches() && !(dialect.isMySqlFamily() && DECIMAL.matcher(content).matches())) {
            return INTEGER.matcher(content).matches() ? null : "an integer";
        } else if (DECIMAL_TYPE.matcher(type).matches()) {
            return DECIMAL.matcher(content).matches() ? null : "a number";
        } else if (dialect == Dialect.POSTGRESQL && Set.of("boolean", "bool").contains(type)) {
            return BOOLEAN.matcher(content).matches() ? null : "true or false";
        } else if (dialect == Dialect.POSTGRESQL && type.equals("uuid")) {
            return isUuid(content) ? null : "a UUID";
        } else if (dialect == Dialect.POSTGRESQL && (type.equals("json") || type.equals("jsonb"))) {
            return JsonText.isValid(content) ? null : "a JSON document";
        }
        return null;
    }

    /**
     * Whether PostgreSQL's uuid input may read the text: 32 hex digits, hyphens between them, braces around. Its
     * rule for hyphens (only after a group of four digits) is stricter; what it alone refuses is not judged.
     */
    private static boolean isUuid(String content) {
        String text = content.strip();
        if (text.startsWith("{") && text.endsWith("}")) {
            text = text.substring(1, text.length() - 1);
        }
        return UUID_DIGITS.matcher(text.replace("-", "")).matches();
    }

    /**
     * The labels of an enum column: MySQL's {@code ENUM('a', 'b')} as declared, or a PostgreSQL enum type the model
     * has; null for any other type.
     */
    private static List<String> enumLabels(StatementSite site, String type) {
        String definition;
        if (site.dialect().isMySqlFamily()) {
            definition = type.regionMatches(true, 0, "enum", 0, 4) ? type.substring(4) : null;
        } else {
            SchemaObject object = site.schema().objects().get("type " + site.names().key(type.toLowerCase(Locale.ROOT)));
            definition = object != null && object.definition() != null
                    && object.definition().regionMatches(true, 0, "as enum", 0, 7) ? object.definition().substring(7) : null;
        }
        if (definition == null || !definition.strip().startsWith("(")) {
            return null;
        }
        List<String> labels = new ArrayList<>();
        for (SqlToken token : SqlLexer.tokens(site.dialect(), definition)) {
            if (token.stringValue() != null) {
                labels.add(token.stringValue());
            } else if (!token.isSymbol('(') && !token.isSymbol(')') && !token.isSymbol(',')) {
                return null; // not a plain list of labels
            }
        }
        return labels.isEmpty() ? null : labels;
    }

    /** Reports and returns true when the value written is a lone string literal the column's type cannot read. */
    private static boolean check(StatementSite site, FindingSink sink, ColumnWrite write) {
        String content = write.literal();
        if (content == null) {
            return false;
        }
        Column column = write.column();
        String expected = expected(site, column.type(), content);
        if (expected == null) {
            return false;
        }
        site.report(sink, RULE, write.value().get(0), null, "a string that is not " + expected + " written into "
                + write.table().name() + "." + column.name() + " (" + column.type() + "): the database refuses it;"
                + " write " + expected);
        return true;
    }
}
