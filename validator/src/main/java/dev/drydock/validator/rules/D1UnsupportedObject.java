package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;

import java.util.Locale;

/**
 * {@code d1-unsupported-object}: ATTACH and DETACH, temporary objects, virtual table modules other than fts5 and
 * rtree, names D1 reserves ({@code _cf_...}).
 */
final class D1UnsupportedObject implements StatementRules {

    static final Rule RULE = Rule.of("d1-unsupported-object", Severity.ERROR, "dialect",
            "ATTACH, TEMP objects, virtual tables other than fts5 and rtree, or a _cf_ name, on D1",
            "D1 has one database per binding, no temporary objects, only the fts5 and rtree virtual table modules,"
                    + " and reserves names starting with _cf_. Use a permanent object, another module-free design,"
                    + " or another name.")
            .on(Dialect.D1)
            .example(Dialect.D1, "CREATE TEMP TABLE scratch (id integer);", "DROP TABLE scratch;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        DialectTarget target = site.target(Dialect.D1);
        if (target == null) {
            return;
        }
        String kind = site.kind();
        if (kind.equals("ATTACH") || kind.equals("DETACH")) {
            site.report(sink, RULE, site.first(), target, kind + " is not available on"
                    + " D1: each binding is one database; use a second binding from the Worker instead");
            return;
        }
        if (!kind.startsWith("CREATE")) {
            return;
        }
        if (site.wordAt(1, "TEMP") || site.wordAt(1, "TEMPORARY")) {
            site.report(sink, RULE, site.tokens().get(1), target, "temporary objects are"
                    + " not available on D1; create a regular table and drop it at the end of the migration");
            return;
        }
        if (kind.equals("CREATE VIRTUAL TABLE") || kind.equals("CREATE TABLE") && site.wordAt(1, "VIRTUAL")) {
            int using = site.indexOfWord("USING");
            if (using > 0 && using + 1 < site.tokens().size()) {
                String module = site.tokens().get(using + 1).text().toLowerCase(Locale.ROOT);
                if (!module.equals("fts5") && !module.equals("rtree")) {
                    site.report(sink, RULE, site.tokens().get(using + 1), target,
                            "the virtual table module " + module + " is not available on D1, which has fts5 and"
                                    + " rtree only; use fts5 for full-text search");
                }
            }
        }
        String name = site.object();
        if (name != null && name.startsWith("_cf_")) {
            site.report(sink, RULE, site.first(), target, "names starting with _cf_ are"
                    + " reserved by D1; rename " + name);
        }
    }
}
