package dev.drydock.validator.schema;

import dev.drydock.shared.sql.Dialect;

import java.util.Locale;
import java.util.Map;

/**
 * A column type in the one spelling the database itself reports, so that {@code int}, {@code int4} and
 * {@code integer} compare equal on PostgreSQL. SQLite keeps whatever was declared, so there only case and
 * spacing are normalized.
 */
public final class TypeName {

    private static final Map<String, String> POSTGRES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("serial", "integer"),
            Map.entry("serial4", "integer"), Map.entry("int8", "bigint"), Map.entry("bigserial", "bigint"),
            Map.entry("serial8", "bigint"), Map.entry("int2", "smallint"), Map.entry("smallserial", "smallint"),
            Map.entry("serial2", "smallint"), Map.entry("bool", "boolean"), Map.entry("float8", "double precision"),
            Map.entry("float", "double precision"), Map.entry("float4", "real"), Map.entry("decimal", "numeric"),
            Map.entry("varchar", "character varying"), Map.entry("char varying", "character varying"),
            Map.entry("char", "character"), Map.entry("bpchar", "character"),
            Map.entry("timestamp without time zone", "timestamp"), Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("time without time zone", "time"), Map.entry("timetz", "time with time zone"),
            Map.entry("varbit", "bit varying"));
    private static final Map<String, String> MYSQL = Map.ofEntries(
            Map.entry("integer", "int"), Map.entry("bool", "tinyint"), Map.entry("boolean", "tinyint"),
            Map.entry("dec", "decimal"), Map.entry("numeric", "decimal"), Map.entry("character varying", "varchar"),
            Map.entry("character", "char"), Map.entry("double precision", "double"), Map.entry("real", "double"));

    private static final java.util.Set<String> TYPE_WORDS = java.util.Set.of("int", "integer", "bigint", "smallint",
            "int2", "int4", "int8", "text", "varchar", "character", "char", "boolean", "bool", "numeric", "decimal",
            "real", "double", "float", "float4", "float8", "timestamp", "timestamptz", "date", "time", "timetz",
            "interval", "uuid", "json", "jsonb", "bytea", "anyelement", "anyarray", "anyenum", "regclass", "oid",
            "record", "trigger", "void", "setof", "inet", "cidr", "macaddr", "tsvector", "tsquery", "bit", "money",
            "xml", "point", "name", "citext", "hstore", "ltree");

    private TypeName() {
    }

    /** Whether a routine argument starting with {@code word} is a bare type rather than a named argument. */
    static boolean startsType(String word) {
        return TYPE_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Whether the type is PostgreSQL's auto-numbering shorthand, which also creates an owned sequence. */
    public static boolean isSerial(String declared) {
        return declared.toLowerCase(Locale.ROOT).replace(" ", "").matches("(small|big)?serial[248]?");
    }

    public static String normalize(Dialect dialect, String declared) {
        String text = declared.trim().replaceAll("\\s+", " ").replaceAll("\\s*([(),\\[\\]])\\s*", "$1")
                .toLowerCase(Locale.ROOT);
        if (dialect == Dialect.SQLITE || dialect == Dialect.D1) {
            return text;
        }
        String arrays = "";
        while (text.endsWith("[]")) {
            arrays += "[]";
            text = text.substring(0, text.length() - 2);
        }
        if (text.endsWith(" array")) {
            arrays += "[]";
            text = text.substring(0, text.length() - 6);
        }
        String base = text;
        String args = "";
        int paren = text.indexOf('(');
        if (paren > 0 && text.indexOf(')') > paren) {
            base = text.substring(0, paren).trim();
            args = text.substring(paren, text.indexOf(')') + 1);
            String tail = text.substring(text.indexOf(')') + 1).trim();
            if (!tail.isEmpty()) {
                base = base + " " + tail; // timestamp(3) with time zone
            }
        }
        if (base.startsWith("pg_catalog.")) {
            base = base.substring("pg_catalog.".length());
        }
        Map<String, String> synonyms = dialect == Dialect.POSTGRESQL ? POSTGRES : MYSQL;
        base = synonyms.getOrDefault(base, base);
        if (dialect != Dialect.POSTGRESQL && base.matches("(tiny|small|medium|big)?int") && !args.isEmpty()) {
            args = ""; // MySQL 8 dropped display widths
        }
        return base + args + arrays;
    }
}
