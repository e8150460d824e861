package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.Script;
import dev.drydock.validator.parse.ParsedScript;

import java.util.Optional;

/** {@code rollback-empty}: a rollback without a statement, of a migration that does not say it is irreversible. */
final class RollbackEmpty implements Check {

    static final Rule RULE = Rule.of("rollback-empty", Severity.ERROR, "rollback",
            "a rollback with no statement",
            "An empty rollback reports success and undoes nothing. Write the statements that reverse the forward"
                    + " migration, or mark the forward migration '-- drydock:irreversible <reason>'.");

    @Override
    public void run(Analysis analysis, FindingSink sink) {
        for (Migration migration : analysis.set().migrations()) {
            if (migration.repeatable() || migration.rollback().isEmpty()
                    || IrreversibleWithoutAck.acknowledged(analysis, migration.forward())) {
                continue;
            }
            Script rollback = migration.rollback().get();
            Optional<ParsedScript> parsed = analysis.primary(rollback);
            if (parsed.isPresent() && parsed.get().isEmpty()) {
                sink.addAtScript(RULE, rollback, "the rollback of " + migration.id() + " has no statement, so rolling"
                        + " back would report success and change nothing; write the statements that undo "
                        + migration.forward().displayPath());
            }
        }
    }
}
