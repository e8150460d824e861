package dev.drydock.validator.rules;

import java.util.List;
import java.util.Optional;

/** Every rule the validator implements; ids are the contract of DESIGN.md. */
public final class RuleCatalog {

    public static final Rule SYNTAX_ERROR = new Rule("syntax-error", Severity.ERROR, "parsing",
            "a statement the target database would reject",
            "The database stops the migration at this statement. Fix the SQL at the position shown; the message"
                    + " names the token where parsing failed.");
    public static final Rule EMPTY_MIGRATION = new Rule("empty-migration", Severity.WARNING, "parsing",
            "a forward migration with no statement",
            "An empty migration is recorded as applied but changes nothing, which usually means the SQL was"
                    + " never saved. Add the statements, or delete the file if it is not needed.");
    public static final Rule FILENAME_CONVENTION = new Rule("filename-convention", Severity.ERROR, "parsing",
            "a SQL file the runner would not pick up",
            "The runner silently skips files that do not follow its naming, so this SQL would never run. Rename"
                    + " it as the message shows.");
    public static final Rule DUPLICATE_VERSION = new Rule("duplicate-version", Severity.ERROR, "parsing",
            "two forward migrations with the same version",
            "The runner refuses a set where two migrations share a version (Flyway: 'Found more than one"
                    + " migration with version'). Give one of them the next free version.");
    public static final Rule UNUSED_SUPPRESSION = new Rule("unused-suppression", Severity.WARNING, "parsing",
            "a drydock:ignore that suppresses nothing",
            "A suppression that matches no finding hides nothing today but will hide a real finding tomorrow."
                    + " Remove it, or correct the rule id.");
    public static final Rule HISTORY_MUTATED = new Rule("history-mutated", Severity.ERROR, "history",
            "an applied migration edited, renamed or deleted",
            "Databases that already ran this migration will not run it again, so the edit never reaches them and"
                    + " the runner's checksum check fails. Revert the change and write a new migration; if the"
                    + " change is deliberate, run 'validator hash' to record it.");
    public static final Rule OUT_OF_ORDER = new Rule("out-of-order", Severity.ERROR, "history",
            "a new migration with a version below the latest recorded one",
            "Databases that are already past this version skip it (Flyway) or refuse to migrate. Renumber it above"
                    + " the latest recorded version.");
    public static final Rule ROLLBACK_MISSING = new Rule("rollback-missing", Severity.ERROR, "rollback",
            "a forward migration without a rollback",
            "Without a rollback, undoing this migration in an incident means writing SQL under pressure. Add the"
                    + " rollback file the layout expects (e.g. U3__name.sql, 3_name.down.sql, rollback/0003_name.sql).");
    public static final Rule ROLLBACK_ORPHAN = new Rule("rollback-orphan", Severity.ERROR, "rollback",
            "a rollback without its forward migration",
            "A rollback whose forward migration is gone, or whose name does not match it, is never used. Rename it"
                    + " to match its forward migration, or delete it.");
    public static final Rule ROLLBACK_EMPTY = new Rule("rollback-empty", Severity.ERROR, "rollback",
            "a rollback with no statement",
            "An empty rollback reports success and undoes nothing. Write the statements that reverse the forward"
                    + " migration, or mark the forward migration '-- drydock:irreversible <reason>'.");

    private static final List<Rule> ALL = List.of(SYNTAX_ERROR, EMPTY_MIGRATION, FILENAME_CONVENTION,
            DUPLICATE_VERSION, UNUSED_SUPPRESSION, HISTORY_MUTATED, OUT_OF_ORDER, ROLLBACK_MISSING, ROLLBACK_ORPHAN,
            ROLLBACK_EMPTY);

    private RuleCatalog() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}
