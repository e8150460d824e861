package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.schema.Column;
import dev.drydock.validator.schema.SchemaModel;
import dev.drydock.validator.schema.Table;
import dev.drydock.validator.statement.AlterTableActions;
import dev.drydock.validator.statement.CreateIndex;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code unknown-object} for a column type or an index access method PostgreSQL does not have: a misspelt
 * {@code intger}, {@code USING gni}; and for an index on a column whose type has no default operator class for the
 * index's method ({@code USING gin (title)} on text, a btree on json). Only where the answer is certain: not once an
 * extension is created (it may bring types, methods and, for gin and gist, operator classes), not for a name a DO
 * block or a procedure may have created, a table's or a view's (a composite type), a qualified or quoted name.
 */
final class UnknownTypeOrMethod implements StatementRules {

    /** The first word of every type PostgreSQL 15 has built in. */
    private static final Set<String> BUILT_IN_TYPES = Set.of("bigint", "int8", "bigserial", "serial8", "bit", "varbit",
            "boolean", "bool", "box", "bytea", "char", "character", "varchar", "cidr", "circle", "date", "double",
            "float", "float4", "float8", "inet", "integer", "int", "int2", "int4", "interval", "json", "jsonb",
            "jsonpath", "line", "lseg", "macaddr", "macaddr8", "money", "numeric", "decimal", "path", "pg_lsn",
            "pg_snapshot", "point", "polygon", "real", "smallint", "smallserial", "serial2", "serial", "serial4", "text",
            "time", "timetz", "timestamp", "timestamptz", "tsquery", "tsvector", "txid_snapshot", "uuid", "xml", "oid",
            "regclass", "regconfig", "regdictionary", "regnamespace", "regoper", "regoperator", "regproc",
            "regprocedure", "regrole", "regtype", "regcollation", "name", "int4range", "int8range", "numrange",
            "tsrange", "tstzrange", "daterange", "int4multirange", "int8multirange", "nummultirange", "tsmultirange",
            "tstzmultirange", "datemultirange", "record", "xid", "xid8", "cid", "tid", "aclitem", "bpchar", "national",
            "nchar", "dec", "refcursor", "pg_node_tree", "gtsvector", "unknown");
    private static final Set<String> BUILT_IN_METHODS = Set.of("btree", "hash", "gist", "spgist", "gin", "brin");
    /** Every operator class PostgreSQL 15 has built in ({@code SELECT DISTINCT opcname FROM pg_opclass} in template1). */
    private static final Set<String> BUILT_IN_OPERATOR_CLASSES = Set.of(
            "aclitem_ops", "array_ops", "bit_minmax_ops", "bit_ops", "bool_ops", "box_inclusion_ops",
            "box_ops", "bpchar_bloom_ops", "bpchar_minmax_ops", "bpchar_ops", "bpchar_pattern_ops",
            "bytea_bloom_ops", "bytea_minmax_ops", "bytea_ops", "char_bloom_ops", "char_minmax_ops",
            "char_ops", "cid_ops", "cidr_ops", "circle_ops", "date_bloom_ops", "date_minmax_multi_ops",
            "date_minmax_ops", "date_ops", "enum_ops", "float4_bloom_ops", "float4_minmax_multi_ops",
            "float4_minmax_ops", "float4_ops", "float8_bloom_ops", "float8_minmax_multi_ops",
            "float8_minmax_ops", "float8_ops", "inet_bloom_ops", "inet_inclusion_ops",
            "inet_minmax_multi_ops", "inet_minmax_ops", "inet_ops", "int2_bloom_ops",
            "int2_minmax_multi_ops", "int2_minmax_ops", "int2_ops", "int4_bloom_ops",
            "int4_minmax_multi_ops", "int4_minmax_ops", "int4_ops", "int8_bloom_ops",
            "int8_minmax_multi_ops", "int8_minmax_ops", "int8_ops", "interval_bloom_ops",
            "interval_minmax_multi_ops", "interval_minmax_ops", "interval_ops", "jsonb_ops",
            "jsonb_path_ops", "kd_point_ops", "macaddr8_bloom_ops", "macaddr8_minmax_multi_ops",
            "macaddr8_minmax_ops", "macaddr8_ops", "macaddr_bloom_ops", "macaddr_minmax_multi_ops",
            "macaddr_minmax_ops", "macaddr_ops", "money_ops", "multirange_ops", "name_bloom_ops",
            "name_minmax_ops", "name_ops", "numeric_bloom_ops", "numeric_minmax_multi_ops",
            "numeric_minmax_ops", "numeric_ops", "oid_bloom_ops", "oid_minmax_multi_ops",
            "oid_minmax_ops", "oid_ops", "oidvector_ops", "pg_lsn_bloom_ops", "pg_lsn_minmax_multi_ops",
            "pg_lsn_minmax_ops", "pg_lsn_ops", "point_ops", "poly_ops", "quad_point_ops",
            "range_inclusion_ops", "range_ops", "record_image_ops", "record_ops", "text_bloom_ops",
            "text_minmax_ops", "text_ops", "text_pattern_ops", "tid_bloom_ops", "tid_minmax_multi_ops",
            "tid_minmax_ops", "tid_ops", "time_bloom_ops", "time_minmax_multi_ops", "time_minmax_ops",
            "time_ops", "timestamp_bloom_ops", "timestamp_minmax_multi_ops", "timestamp_minmax_ops",
            "timestamp_ops", "timestamptz_bloom_ops", "timestamptz_minmax_multi_ops",
            "timestamptz_minmax_ops", "timestamptz_ops", "timetz_bloom_ops", "timetz_minmax_multi_ops",
            "timetz_minmax_ops", "timetz_ops", "tsquery_ops", "tsvector_ops", "uuid_bloom_ops",
            "uuid_minmax_multi_ops", "uuid_minmax_ops", "uuid_ops", "varbit_minmax_ops", "varbit_ops",
            "varchar_ops", "varchar_pattern_ops", "xid8_ops", "xid_ops");
    /** The plain scalar types: a default operator class for btree, hash and brin, none for gin and gist. */
    private static final Set<String> SCALARS = Set.of("smallint", "integer", "bigint", "numeric", "real",
            "double precision", "text", "character varying", "character", "uuid", "date", "timestamp",
            "timestamp with time zone", "time", "interval", "bytea", "inet");
    /**
     * The methods with a default operator class for each of the other types measured (PostgreSQL 15, every pair of
     * 27 types and btree, hash, gin, gist and brin); arrays have btree, hash and gin.
     */
    private static final java.util.Map<String, Set<String>> METHODS_OF_TYPE = java.util.Map.of(
            "boolean", Set.of("btree", "hash"), "json", Set.of(), "jsonb", Set.of("btree", "hash", "gin"),
            "money", Set.of("btree"), "xml", Set.of(), "tsvector", Set.of("btree", "gin", "gist"),
            "point", Set.of("gist"), "int4range", Set.of("btree", "hash", "gist", "brin"));

    @Override
    public void check(StatementSite site, FindingSink sink) {
        if (site.dialect() != Dialect.POSTGRESQL) {
            return;
        }
        for (ColumnTypes.Declared declared : ColumnTypes.of(site)) {
            SqlToken at = declared.at();
            String word = declared.type().split("[\\s(\\[]", 2)[0];
            if (at.type() == SqlToken.Type.WORD && !word.contains(".") && !BUILT_IN_TYPES.contains(word)
                    && !userDefined(site, word) && !site.schema().hasAny("extension")) {
                site.report(sink, UnknownObject.RULE, at, null, "type " + word + " does not exist at this"
                        + " point of the migrations (PostgreSQL has no such built-in type, and no migration created"
                        + " it); check the spelling, or create the type in an earlier migration");
            }
        }
        if (site.kind().endsWith("INDEX") && site.kind().startsWith("CREATE")) {
            List<SqlToken> tokens = site.tokens();
            int using = site.indexOfWord("USING");
            if (using > 0 && using + 1 < tokens.size() && tokens.get(using + 1).type() == SqlToken.Type.WORD) {
                SqlToken method = tokens.get(using + 1);
                String name = method.text().toLowerCase(Locale.ROOT);
                if (!BUILT_IN_METHODS.contains(name) && !site.state().uncertain.mentions(name)
                        && !site.schema().hasAny("extension")) {
                    site.report(sink, UnknownObject.RULE, method, null, "index access method " + name
                            + " does not exist (PostgreSQL has btree, hash, gist, spgist, gin and brin; others come with"
                            + " an extension); check the spelling, or create the extension first");
                }
            }
            if (site.typed() instanceof CreateIndex index) {
                String method = using > 0 && using + 1 < tokens.size() ? tokens.get(using + 1).text()
                        .toLowerCase(Locale.ROOT) : "btree";
                missingOperatorClass(site, sink, index, method);
                unknownOperatorClass(site, sink, method);
            }
        }
    }

    /** A key column, written bare, whose type has no default operator class for {@code method}. */
    private static void missingOperatorClass(StatementSite site, FindingSink sink, CreateIndex index, String method) {
        Table table = index.table() == null ? null
                : site.schema().table(site.names().key(index.table().toLowerCase(Locale.ROOT)));
        boolean extensionMayHelp = (method.equals("gin") || method.equals("gist")) && site.schema().hasAny("extension");
        if (table == null || !BUILT_IN_METHODS.contains(method) || method.equals("spgist") || extensionMayHelp) {
            return;
        }
        for (List<SqlToken> element : keyElements(site.tokens())) {
            SqlToken name = element.isEmpty() ? null : element.get(0);
            boolean named = name != null && (name.type() == SqlToken.Type.WORD
                    || name.type() == SqlToken.Type.QUOTED_IDENTIFIER);
            boolean bare = named && (element.size() == 1 || element.get(1).isWord("ASC") || element.get(1).isWord("DESC")
                    || element.get(1).isWord("NULLS") || element.get(1).isWord("COLLATE"));
            Column column = bare ? table.columns().get(name.unquoted().toLowerCase(Locale.ROOT)) : null;
            if (column != null && !hasDefaultOperatorClass(column.type(), method)) {
                site.report(sink, UnknownObject.RULE, name, null, "data type " + column.type() + " of column "
                        + column.name() + " has no default operator class for access method " + method
                        + "; name one after the column (text for gin: gin_trgm_ops from pg_trgm), or use another method");
                return;
            }
        }
    }

    /** The elements of a CREATE INDEX's key list, each as its tokens; none when the list is not closed. */
    private static List<List<SqlToken>> keyElements(List<SqlToken> tokens) {
        int open = 0;
        while (open < tokens.size() && !tokens.get(open).isSymbol('(')) {
            open++; // the key's list: no name before it holds a parenthesis
        }
        int close = open < tokens.size() ? SqlToken.closingParenthesis(tokens, open) : -1;
        return close < 0 ? List.of() : AlterTableActions.elements(tokens.subList(open + 1, close + 1));
    }

    /**
     * A column's operator class PostgreSQL does not have and no migration can have made: {@code gin_trgm_ops} before
     * {@code CREATE EXTENSION pg_trgm}, a misspelt {@code text_pattern_op}. Not once an extension or an operator class
     * is created, nor for a class of another schema.
     */
    private static void unknownOperatorClass(StatementSite site, FindingSink sink, String method) {
        if (site.schema().hasAny("extension") || site.schema().hasAny("operator class")) {
            return;
        }
        for (List<SqlToken> element : keyElements(site.tokens())) {
            boolean column = element.size() >= 2 && (element.get(0).type() == SqlToken.Type.WORD
                    || element.get(0).type() == SqlToken.Type.QUOTED_IDENTIFIER);
            SqlToken operatorClass = column ? element.get(1) : null;
            if (operatorClass == null || operatorClass.type() != SqlToken.Type.WORD || operatorClass.isWord("ASC")
                    || operatorClass.isWord("DESC") || operatorClass.isWord("NULLS") || operatorClass.isWord("COLLATE")
                    || element.size() > 2 && element.get(2).isSymbol('.')) {
                continue;
            }
            String name = operatorClass.text().toLowerCase(Locale.ROOT);
            if (!BUILT_IN_OPERATOR_CLASSES.contains(name) && !site.state().uncertain.mentions(name)) {
                site.report(sink, UnknownObject.RULE, operatorClass, null, "operator class " + name + " does not"
                        + " exist for access method " + method + " (PostgreSQL has no such class built in, and no"
                        + " migration created an extension that brings one: gin_trgm_ops comes with pg_trgm); check"
                        + " the spelling, or create the extension first");
                return;
            }
        }
    }

    /** Whether PostgreSQL has a default operator class of {@code method} for {@code type}; true when not known. */
    private static boolean hasDefaultOperatorClass(String type, String method) {
        if (type.endsWith("[]")) {
            return !method.equals("gist") && !method.equals("brin") || !SCALARS.contains(type.replace("[]", "")
                    .replaceAll("\\([^)]*\\)", "").trim());
        }
        String base = type.replaceAll("\\([^)]*\\)", "").replaceAll("\\s+", " ").trim();
        if (SCALARS.contains(base)) {
            return !method.equals("gin") && !method.equals("gist");
        }
        Set<String> methods = METHODS_OF_TYPE.get(base);
        return methods == null || methods.contains(method);
    }

    private static boolean userDefined(StatementSite site, String word) {
        String key = site.names().key(word);
        SchemaModel schema = site.schema();
        return schema.objects().containsKey("type " + key) || schema.objects().containsKey("domain " + key)
                || schema.table(key) != null || schema.objects().containsKey("view " + key)
                || schema.objects().containsKey("materialized view " + key) || site.state().uncertain.mentions(word);
    }
}
