package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Script;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.SourcePosition;
import dev.drydock.validator.schema.ReplayProblem;

/**
 * {@code unknown-object}: a table, column, index, constraint, view, type or index method that does not exist where a
 * statement names it. The replay finds most ({@link ReplayCheck}); {@link UnknownTypeOrMethod} and Calcite's check of
 * data statements ({@link DataStatementCheck}) report the rest under this id.
 */
final class UnknownObject {

    static final Rule RULE = Rule.of("unknown-object", Severity.ERROR, "schema",
            "a table, column, index, constraint or view that does not exist at that point",
            "The database stops the migration here: the object was never created, was dropped earlier, or is"
                    + " spelled differently. Correct the name, or create the object in an earlier migration.")
            .example(Dialect.POSTGRESQL, "ALTER TABLE accounts ADD COLUMN email text;",
                    "ALTER TABLE accounts DROP COLUMN email;");

    private UnknownObject() {
    }

    /**
     * A problem the replay found (unknown-object, duplicate-object, dependent-objects, type-change-without-using,
     * foreign-key-type-mismatch; a declaration the database refuses as it stands is syntax-error, "a statement the
     * target database would reject"), at the token it names.
     */
    static void report(FindingSink sink, Script script, ReplayProblem problem) {
        SourcePosition start = script.file().lines().position(problem.at().start());
        SourcePosition end = script.file().lines().position(problem.at().end());
        switch (problem.kind()) {
            case UNKNOWN_OBJECT -> sink.add(RULE, script.displayPath(), start, end, null, problem.message()
                    + "; check the name, or create it in an earlier migration");
            case DUPLICATE_OBJECT -> sink.add(DuplicateObject.RULE, script.displayPath(), start, end, null,
                    problem.message() + "; drop this statement, rename the object, or add IF NOT EXISTS");
            case DEPENDENT_OBJECTS -> sink.add(DependentObjects.RULE, script.displayPath(), start, end, null,
                    problem.message());
            case TYPE_CHANGE_WITHOUT_USING -> sink.add(TypeChangeWithoutUsing.RULE, script.displayPath(), start, end,
                    "postgresql", problem.message() + "; add USING with the conversion");
            case FOREIGN_KEY_TYPE_MISMATCH -> sink.add(ForeignKeyTypeMismatch.RULE, script.displayPath(), start, end,
                    null, problem.message() + "; give the referencing column the referenced column's type");
            case REFUSED_DECLARATION -> sink.add(SyntaxError.RULE, script.displayPath(), start, end, null,
                    problem.message());
        }
    }
}
