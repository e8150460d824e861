package dev.drydock.validator.dml;

import dev.drydock.shared.sql.Dialect;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An INSERT, UPDATE or DELETE checked by Apache Calcite's {@link SqlValidator} against the tables the replay knows:
 * every column named anywhere in it (WHERE, joins, subqueries, SET, select lists) must be in one of the tables in
 * scope, and once only.
 *
 * <p>The statement is read by Calcite's Babel parser, which reserves few words (a column called {@code element} or
 * {@code value} is common in migrations) and reads PostgreSQL's casts. Calcite does not know every dialect's syntax
 * and functions, so it judges only what it can prove: a statement its parser does not read, or that names an object the replay cannot describe, is not checked ({@link Unchecked}
 * says why). Functions it does not know are looked up leniently, and every column is of type ANY, so that no type
 * rule of Calcite's stands in for the database's.
 */
public final class DataStatementValidator {

    /** A column or table Calcite found missing, or a column it found ambiguous, at a character of the statement. */
    public record Problem(Kind kind, String name, int line, int column) {
        public enum Kind { UNKNOWN_COLUMN, UNKNOWN_TABLE, AMBIGUOUS_COLUMN }
    }

    /** What came of one statement. */
    public sealed interface Outcome permits Checked, Unchecked {
    }

    /** Validated: the problems found, none when the statement is sound. */
    public record Checked(List<Problem> problems) implements Outcome {
    }

    /** Not validated, and why (a parse Calcite does not support, an object the replay cannot describe, ...). */
    public record Unchecked(String reason) implements Outcome {
    }

    private static final Pattern COLUMN_NOT_FOUND = Pattern.compile("Column '([^']+)' not found in (any table|table '[^']+')");
    private static final Pattern OBJECT_NOT_FOUND = Pattern.compile("(?:Object|Table) '([^']+)' not found.*");
    private static final Pattern AMBIGUOUS = Pattern.compile("Column '([^']+)' is ambiguous");
    /** INSERT, UPDATE and DELETE; and SELECT, which the caller writes for an UPDATE ... FROM or DELETE ... USING. */
    private static final Set<SqlKind> DATA_KINDS = Set.of(SqlKind.INSERT, SqlKind.UPDATE, SqlKind.DELETE,
            SqlKind.SELECT);

    private final Dialect dialect;

    public DataStatementValidator(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * @param tables the tables whose every column the replay knows, lower case, each with its columns
     * @param views  views the statement may need, each by its query ({@code SELECT ...}): described by the columns
     *               that query gives, or opaque when Calcite cannot derive them
     * @param opaque names that exist but cannot be described (materialized views, tables with unknown columns, names
     *               a DO block may have made): a statement that needs one is not checked
     */
    public Outcome check(String sql, Map<String, List<String>> tables, Map<String, String> views, Set<String> opaque) {
        return check(sql, DATA_KINDS, tables, views, opaque);
    }

    /**
     * A query (SELECT, with its UNION, ORDER BY or WITH), as a view's: checked as {@link #check} checks a data
     * statement.
     */
    public Outcome checkQuery(String sql, Map<String, List<String>> tables, Map<String, String> views,
                              Set<String> opaque) {
        return check(sql, SqlKind.QUERY, tables, views, opaque);
    }

    private Outcome check(String sql, Set<SqlKind> kinds, Map<String, List<String>> tables, Map<String, String> views,
                          Set<String> opaque) {
        Map<String, List<String>> relations = new java.util.HashMap<>(tables);
        Set<String> unknowable = new java.util.HashSet<>(opaque);
        views.forEach((name, query) -> viewColumns(query, tables).ifPresentOrElse(
                columns -> relations.put(name, columns), () -> unknowable.add(name)));
        return checkAgainst(sql, kinds, relations, unknowable);
    }

    /** The column names a view's query gives, validated against the tables, or empty when Calcite cannot tell. */
    private java.util.Optional<List<String>> viewColumns(String query, Map<String, List<String>> tables) {
        try {
            SqlNode node = SqlParser.create(query, parserConfig()).parseQuery();
            SqlValidator validator = validator(tables);
            SqlNode validated = validator.validate(node);
            List<String> names = validator.getValidatedNodeType(validated).getFieldNames().stream()
                    .map(name -> name.toLowerCase(java.util.Locale.ROOT)).toList();
            return names.stream().anyMatch(name -> name.startsWith("expr$")) ? java.util.Optional.empty()
                    : java.util.Optional.of(names);
        } catch (SqlParseException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private Outcome checkAgainst(String sql, Set<SqlKind> kinds, Map<String, List<String>> tables, Set<String> opaque) {
        SqlNode node;
        try {
            node = SqlParser.create(sql, parserConfig()).parseStmt();
        } catch (SqlParseException | RuntimeException e) {
            return new Unchecked("Calcite's parser does not read it");
        }
        if (!kinds.contains(node.getKind())) {
            return new Unchecked("not a plain INSERT, UPDATE or DELETE");
        }
        try {
            validator(tables).validate(node);
            return new Checked(List.of());
        } catch (CalciteContextException e) {
            return judged(e, tables, opaque);
        } catch (RuntimeException e) {
            return new Unchecked("Calcite could not validate it: " + e.getClass().getSimpleName());
        }
    }

    private Outcome judged(CalciteContextException e, Map<String, List<String>> tables, Set<String> opaque) {
        String message = e.getCause() == null ? String.valueOf(e.getMessage()) : String.valueOf(e.getCause().getMessage());
        Matcher column = COLUMN_NOT_FOUND.matcher(message);
        if (column.find()) {
            return new Checked(List.of(new Problem(Problem.Kind.UNKNOWN_COLUMN, column.group(1), e.getPosLine(),
                    e.getPosColumn())));
        }
        Matcher ambiguous = AMBIGUOUS.matcher(message);
        if (ambiguous.find()) {
            return new Checked(List.of(new Problem(Problem.Kind.AMBIGUOUS_COLUMN, ambiguous.group(1), e.getPosLine(),
                    e.getPosColumn())));
        }
        Matcher object = OBJECT_NOT_FOUND.matcher(message);
        if (message.contains("not found within")) {
            return new Unchecked("it names a table of another schema that the replay does not know");
        }
        if (object.matches()) {
            String name = object.group(1).toLowerCase(java.util.Locale.ROOT);
            if (opaque.contains(name) || tables.containsKey(name) || name.contains(".")) {
                return new Unchecked("it uses " + name + ", whose columns the replay does not know");
            }
            return new Checked(List.of(new Problem(Problem.Kind.UNKNOWN_TABLE, name, e.getPosLine(), e.getPosColumn())));
        }
        return new Unchecked("Calcite's validator stopped at something it cannot judge for " + dialect.id());
    }

    private SqlParser.Config parserConfig() {
        return SqlParser.config()
                .withParserFactory(SqlBabelParserImpl.FACTORY)
                .withQuoting(dialect.isMySqlFamily() ? Quoting.BACK_TICK : Quoting.DOUBLE_QUOTE)
                .withUnquotedCasing(Casing.TO_LOWER)
                .withQuotedCasing(Casing.UNCHANGED)
                .withCaseSensitive(false)
                .withConformance(SqlConformanceEnum.BABEL);
    }

    private SqlValidator validator(Map<String, List<String>> tables) {
        JavaTypeFactoryImpl types = new JavaTypeFactoryImpl();
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        Map<String, Map<String, org.apache.calcite.schema.Table>> schemas = new java.util.HashMap<>();
        tables.forEach((name, columns) -> {
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                root.add(name, new ReplayedTable(columns));
            } else { // auth.users: table users of a schema auth
                schemas.computeIfAbsent(name.substring(0, dot), schema -> new java.util.HashMap<>())
                        .put(name.substring(dot + 1), new ReplayedTable(columns));
            }
        });
        schemas.forEach((schema, members) -> root.add(schema, new org.apache.calcite.schema.impl.AbstractSchema() {
            @Override
            protected Map<String, org.apache.calcite.schema.Table> getTableMap() {
                return members;
            }
        }));
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        CalciteCatalogReader catalog = new CalciteCatalogReader(root, List.of(), types,
                new CalciteConnectionConfigImpl(properties));
        return new UntypedColumnsValidator(SqlStdOperatorTable.instance(), catalog, types,
                SqlValidator.Config.DEFAULT.withConformance(SqlConformanceEnum.LENIENT).withLenientOperatorLookup(true)
                        .withIdentifierExpansion(true));
    }

    /** A table as the replay knows it: its columns by name, each nullable and of type ANY. */
    private static final class ReplayedTable extends AbstractTable {
        private final List<String> columns;

        ReplayedTable(List<String> columns) {
            this.columns = columns;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory factory) {
            RelDataTypeFactory.Builder row = factory.builder();
            for (String column : columns) {
                row.add(column, factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.ANY), true));
            }
            return row.build();
        }
    }
}
