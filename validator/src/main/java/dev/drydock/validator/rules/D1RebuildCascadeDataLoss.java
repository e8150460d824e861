package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.validator.schema.Constraint;
import dev.drydock.validator.schema.SchemaModel;

/**
 * {@code d1-rebuild-cascade-data-loss}: D1 cannot turn foreign keys off, so dropping a parent table (as SQLite's
 * rebuild does) runs its children's ON DELETE CASCADE or SET NULL.
 */
final class D1RebuildCascadeDataLoss implements StatementRules {

    static final Rule RULE = Rule.of("d1-rebuild-cascade-data-loss", Severity.ERROR,
            "dialect", "dropping a parent table whose children have ON DELETE CASCADE or SET NULL, on D1",
            "On D1 foreign keys cannot be turned off, so DROP TABLE on a parent (as in the SQLite rebuild) deletes"
                    + " or nulls every child row through ON DELETE CASCADE / SET NULL; defer_foreign_keys does not"
                    + " prevent it. Copy the child rows aside first and restore them after the rebuild, or change"
                    + " the children's foreign keys before rebuilding the parent.")
            .on(Dialect.D1)
            .example(Dialect.D1, "CREATE TABLE authors (id integer PRIMARY KEY);\n"
                    + "CREATE TABLE posts (id integer PRIMARY KEY, author_id integer REFERENCES authors(id) ON DELETE CASCADE);\n"
                    + "DROP TABLE authors;", "DROP TABLE posts;");

    @Override
    public void check(StatementSite site, FindingSink sink) {
        DialectTarget target = site.target(Dialect.D1);
        if (target == null || !site.kind().equals("DROP TABLE")) {
            return;
        }
        String parent = site.object();
        if (parent == null || site.schema().table(parent) == null) {
            return;
        }
        for (SchemaModel.Reference found : site.schema().referencesTo(parent)) {
            Constraint reference = found.constraint();
            if (reference.deletesOrNullsChildren()) {
                String child = found.table();
                site.report(sink, RULE, site.first(), target, "DROP TABLE "
                        + parent + " on D1 " + (reference.onDelete().equals("CASCADE") ? "deletes every row of "
                        : "sets to NULL " + String.join(", ", reference.columns()) + " in every row of ") + child
                        + " (ON DELETE " + reference.onDelete() + "), because D1 cannot turn foreign keys off and"
                        + " defer_foreign_keys does not stop ON DELETE actions; copy " + child + "'s rows aside and"
                        + " restore them after the rebuild, or change its foreign key first");
                return;
            }
        }
    }
}
