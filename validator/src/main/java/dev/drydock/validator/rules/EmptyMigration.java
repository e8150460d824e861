package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Migration;
import dev.drydock.validator.parse.ParsedScript;

import java.util.Optional;

/** {@code empty-migration}: a forward script without a statement. */
final class EmptyMigration implements Check {

    static final Rule RULE = Rule.of("empty-migration", Severity.WARNING, "parsing",
            "a forward migration with no statement",
            "An empty migration is recorded as applied but changes nothing, which usually means the SQL was"
                    + " never saved. Add the statements, or delete the file if it is not needed.");

    @Override
    public void run(Analysis analysis, FindingSink sink) {
        for (Migration migration : analysis.set().migrations()) {
            Optional<ParsedScript> forward = analysis.primary(migration.forward());
            if (forward.isPresent() && forward.get().isEmpty()) {
                sink.addAtScript(RULE, migration.forward(), "migration " + migration.id()
                        + " has no statement; the runner records it as applied and changes nothing. Add its SQL or"
                        + " delete the file");
            }
        }
    }
}
