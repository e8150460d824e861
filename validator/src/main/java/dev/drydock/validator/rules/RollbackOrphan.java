package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Script;

/** {@code rollback-orphan}: a rollback file that pairs with no forward migration. */
final class RollbackOrphan implements Check {

    static final Rule RULE = Rule.of("rollback-orphan", Severity.ERROR, "rollback",
            "a rollback without its forward migration",
            "A rollback whose forward migration is gone, or whose name does not match it, is never used. Rename it"
                    + " to match its forward migration, or delete it.");

    @Override
    public void run(Analysis analysis, FindingSink sink) {
        for (Script orphan : analysis.set().orphanRollbacks()) {
            sink.addAtScript(RULE, orphan, orphan.file().path().getFileName() + " is a rollback with no forward"
                    + " migration of the same name; rename it to match its forward migration or delete it");
        }
    }
}
