package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.schema.SchemaModel;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code unknown-object} for a column type or an index access method PostgreSQL does not have: a misspelt
 * {@code intger}, {@code USING gni}. Only where the answer is certain: not once an extension is created (it may
 * bring types and methods), not for a name a DO block or a procedure may have created, a table's or a view's
 * (a composite type), a qualified or quoted name.
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

    @Override
    public void check(StatementSite site, FindingSink sink) {
        if (site.dialect() != Dialect.POSTGRESQL) {
            return;
        }
        for (ColumnTypes.Declared declared : ColumnTypes.of(site)) {
            SqlToken at = declared.at();
            String word = declared.type().split("[\\s(\\[]", 2)[0];
            if (at.type() == SqlToken.Type.WORD && !word.contains(".") && !BUILT_IN_TYPES.contains(word)
                    && !userDefined(site, word) && !hasExtension(site.schema())) {
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
                        && !hasExtension(site.schema())) {
                    site.report(sink, UnknownObject.RULE, method, null, "index access method " + name
                            + " does not exist (PostgreSQL has btree, hash, gist, spgist, gin and brin; others come with"
                            + " an extension); check the spelling, or create the extension first");
                }
            }
        }
    }

    /** Asked only of a name that is otherwise unknown: it reads every object of the schema. */
    private static boolean hasExtension(SchemaModel schema) {
        return schema.objects().keySet().stream().anyMatch(key -> key.startsWith("extension "));
    }

    private static boolean userDefined(StatementSite site, String word) {
        String key = site.names().key(word);
        SchemaModel schema = site.schema();
        return schema.objects().containsKey("type " + key) || schema.objects().containsKey("domain " + key)
                || schema.table(key) != null || schema.objects().containsKey("view " + key)
                || schema.objects().containsKey("materialized view " + key) || site.state().uncertain.mentions(word);
    }
}
