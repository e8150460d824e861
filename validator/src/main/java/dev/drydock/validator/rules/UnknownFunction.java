package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.validator.schema.SchemaModel;
import dev.drydock.validator.statement.AlterTable;
import dev.drydock.validator.statement.CreateIndex;
import dev.drydock.validator.statement.CreateTable;
import dev.drydock.validator.statement.DataStatement;
import dev.drydock.validator.statement.FunctionCall;
import dev.drydock.validator.statement.PostgresFunctions;

import java.util.List;
import java.util.Locale;

/**
 * {@code unknown-object} for a function that a PostgreSQL default, CHECK, generated column, index expression or
 * {@code ALTER COLUMN ... USING} calls and that does not exist at that point: PostgreSQL resolves these calls when
 * the statement runs ("function nowz() does not exist"). The calls are the grammar's own, so a type, a keyword or
 * SQL's special forms ({@code COALESCE}, {@code CURRENT_TIMESTAMP}, {@code EXTRACT}) are never taken for one.
 *
 * <p>In an INSERT, UPDATE or DELETE only a misspelling of one of PostgreSQL's own functions is reported (a name
 * within two edits of one): a data migration may call what an extension a platform installed brings.
 *
 * <p>A function exists when it is PostgreSQL's own (15, or added by 16 to 18) or a migration made it. Not judged:
 * a function of an extension PostgreSQL ships, created or not (a platform may have made it before the first
 * migration, as Supabase does {@code uuid_generate_v4}); a call qualified with a schema other than
 * {@code pg_catalog} or {@code public}; every call once an extension PostgreSQL does not ship is created (PostGIS,
 * TimescaleDB: their functions are not known here); a name an earlier statement made uncertain.
 */
final class UnknownFunction implements StatementRules {

    @Override
    public void check(StatementSite site, FindingSink sink) {
        if (site.dialect() != Dialect.POSTGRESQL) {
            return;
        }
        boolean data = site.typed() instanceof DataStatement;
        List<FunctionCall> calls = site.typed() instanceof CreateTable create ? create.calls()
                : site.typed() instanceof AlterTable alter ? alter.calls()
                : site.typed() instanceof CreateIndex index ? index.calls()
                : site.typed() instanceof DataStatement statement ? statement.calls() : List.of();
        if (calls.isEmpty() || unknownExtensionCreated(site.schema())) {
            return;
        }
        for (FunctionCall call : calls) {
            String name = call.name().toLowerCase(Locale.ROOT);
            String schema = call.schema() == null ? null : call.schema().toLowerCase(Locale.ROOT);
            boolean catalog = "pg_catalog".equals(schema);
            if (schema != null && !catalog && !schema.equals("public")
                    || PostgresFunctions.isBuiltIn(name) || PostgresFunctions.isOfShippedExtension(name)
                    || !catalog && (madeByMigration(site, name) || site.state().uncertain.mentions(name))) {
                continue;
            }
            String closest = PostgresFunctions.closestBuiltIn(name);
            if (data && closest == null) {
                continue; // a data statement may call what a platform's extension brings (PostGIS's st_...)
            }
            site.report(sink, UnknownObject.RULE, call.at(), null, "function " + name + "() does not exist at this"
                    + " point of the migrations: PostgreSQL has no such function, and no migration created it; "
                    + (closest != null ? "did you mean " + closest + "()?" : "check the name, or create the function"
                    + " in an earlier migration"));
            return; // PostgreSQL stops at the first
        }
    }

    private static boolean unknownExtensionCreated(SchemaModel schema) {
        return schema.objects().keySet().stream().anyMatch(key -> key.startsWith("extension ")
                && !PostgresFunctions.isShippedExtension(key.substring("extension ".length())));
    }

    private static boolean madeByMigration(StatementSite site, String name) {
        return site.schema().hasRoutine(site.names().key(name), "function", "procedure", "aggregate");
    }
}
