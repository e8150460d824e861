package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.validator.schema.Column;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code dml-type-mismatch}: a string literal written into a numeric (or, on PostgreSQL, boolean) column that the
 * database cannot read as one: {@code INSERT INTO t (n) VALUES ('abc')}. A string it can read ('42') is fine, as
 * PostgreSQL and MySQL convert it. SQLite's type affinity stores anything anywhere, so it is never reported there.
 */
final class DmlTypeMismatch implements StatementRules {

    static final Rule RULE = Rule.of("dml-type-mismatch", Severity.ERROR, "schema",
            "a value that cannot be converted to its column's type",
            "The database refuses the statement (PostgreSQL: 'invalid input syntax for type integer'; MySQL in strict"
                    + " mode: 'Incorrect integer value') and the migration stops there. Write a value of the column's"
                    + " type, or change the column first.")
            .on(Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB)
            .example(Dialect.POSTGRESQL, "UPDATE users SET age = 'unknown' WHERE id = 1;",
                    "UPDATE users SET age = NULL WHERE id = 1;");

    private static final Pattern INTEGER_TYPE = Pattern.compile("(tiny|small|medium|big)?int(eger|2|4|8)?\\b.*");
    private static final Pattern DECIMAL_TYPE = Pattern.compile("(numeric|decimal|real|double|float).*");
    private static final Pattern INTEGER = Pattern.compile("\\s*[+-]?\\d+\\s*");
    private static final Pattern DECIMAL = Pattern.compile("\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*"
            + "|\\s*(?i:[+-]?(nan|infinity|inf))\\s*");
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
    }

    /** Reports and returns true when the value written is a lone string literal the column's type cannot read. */
    private static boolean check(StatementSite site, FindingSink sink, ColumnWrite write) {
        String content = write.literal();
        if (content == null) {
            return false;
        }
        Column column = write.column();
        String type = column.type().toLowerCase(Locale.ROOT);
        String expected;
        if (INTEGER_TYPE.matcher(type).matches() && !(site.dialect().isMySqlFamily() && DECIMAL.matcher(content).matches())) {
            expected = INTEGER.matcher(content).matches() ? null : "an integer";
        } else if (DECIMAL_TYPE.matcher(type).matches()) {
            expected = DECIMAL.matcher(content).matches() ? null : "a number";
        } else if (site.dialect() == Dialect.POSTGRESQL && Set.of("boolean", "bool").contains(type)) {
            expected = BOOLEAN.matcher(content).matches() ? null : "true or false";
        } else {
            expected = null;
        }
        if (expected == null) {
            return false;
        }
        site.report(sink, RULE, write.value().get(0), null, "a string that is not " + expected + " written into "
                + write.table().name() + "." + column.name() + " (" + column.type() + "): the database refuses it;"
                + " write " + expected);
        return true;
    }
}
