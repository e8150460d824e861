package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;

import java.util.List;
import java.util.Optional;

/** Every rule the validator implements; ids are the contract of DESIGN.md. */
public final class RuleCatalog {

    public static final Rule SYNTAX_ERROR = Rule.of("syntax-error", Severity.ERROR, "parsing",
            "a statement the target database would reject",
            "The database stops the migration at this statement. Fix the SQL at the position shown; the message"
                    + " names the token where parsing failed.");
    public static final Rule EMPTY_MIGRATION = Rule.of("empty-migration", Severity.WARNING, "parsing",
            "a forward migration with no statement",
            "An empty migration is recorded as applied but changes nothing, which usually means the SQL was"
                    + " never saved. Add the statements, or delete the file if it is not needed.");
    public static final Rule FILENAME_CONVENTION = Rule.of("filename-convention", Severity.ERROR, "parsing",
            "a SQL file the runner would not pick up",
            "The runner silently skips files that do not follow its naming, so this SQL would never run. Rename"
                    + " it as the message shows.");
    public static final Rule DUPLICATE_VERSION = Rule.of("duplicate-version", Severity.ERROR, "parsing",
            "two forward migrations with the same version",
            "The runner refuses a set where two migrations share a version (Flyway: 'Found more than one"
                    + " migration with version'). Give one of them the next free version.");
    public static final Rule UNUSED_SUPPRESSION = Rule.of("unused-suppression", Severity.WARNING, "parsing",
            "a drydock:ignore that suppresses nothing",
            "A suppression that matches no finding hides nothing today but will hide a real finding tomorrow."
                    + " Remove it, or correct the rule id.");
    public static final Rule HISTORY_MUTATED = Rule.of("history-mutated", Severity.ERROR, "history",
            "an applied migration edited, renamed or deleted",
            "Databases that already ran this migration will not run it again, so the edit never reaches them and"
                    + " the runner's checksum check fails. Revert the change and write a new migration; if the"
                    + " change is deliberate, run 'validator hash' to record it.");
    public static final Rule OUT_OF_ORDER = Rule.of("out-of-order", Severity.ERROR, "history",
            "a new migration with a version below the latest recorded one",
            "Databases that are already past this version skip it (Flyway) or refuse to migrate. Renumber it above"
                    + " the latest recorded version.");
    public static final Rule ROLLBACK_MISSING = Rule.of("rollback-missing", Severity.ERROR, "rollback",
            "a forward migration without a rollback",
            "Without a rollback, undoing this migration in an incident means writing SQL under pressure. Add the"
                    + " rollback file the layout expects (e.g. U3__name.sql, 3_name.down.sql, rollback/0003_name.sql).");
    public static final Rule ROLLBACK_ORPHAN = Rule.of("rollback-orphan", Severity.ERROR, "rollback",
            "a rollback without its forward migration",
            "A rollback whose forward migration is gone, or whose name does not match it, is never used. Rename it"
                    + " to match its forward migration, or delete it.");
    public static final Rule ROLLBACK_EMPTY = Rule.of("rollback-empty", Severity.ERROR, "rollback",
            "a rollback with no statement",
            "An empty rollback reports success and undoes nothing. Write the statements that reverse the forward"
                    + " migration, or mark the forward migration '-- drydock:irreversible <reason>'.");

    // Schema consistency: from replaying every earlier migration into the schema model.
    public static final Rule UNKNOWN_OBJECT = Rule.of("unknown-object", Severity.ERROR, "schema",
            "a table, column, index, constraint or view that does not exist at that point",
            "The database stops the migration here: the object was never created, was dropped earlier, or is"
                    + " spelled differently. Correct the name, or create the object in an earlier migration.")
            .example(Dialect.POSTGRESQL, "ALTER TABLE accounts ADD COLUMN email text;",
                    "ALTER TABLE accounts DROP COLUMN email;");
    public static final Rule DUPLICATE_OBJECT = Rule.of("duplicate-object", Severity.ERROR, "schema",
            "creating what already exists, without IF NOT EXISTS",
            "The database stops the migration here, because an earlier migration already created this object."
                    + " Drop the duplicate statement, pick another name, or add IF NOT EXISTS if both may run.")
            .example(Dialect.POSTGRESQL, "CREATE TABLE users (id int);", "SELECT 1;");

    // Rollback pairing, continued.
    public static final Rule ROLLBACK_NOT_INVERSE = Rule.of("rollback-not-inverse", Severity.ERROR, "rollback",
            "the rollback does not bring the schema back to where it was",
            "After the forward migration and its rollback the schema must equal the schema before the forward"
                    + " migration; otherwise a rollback in an incident leaves a schema nobody has tested. The message"
                    + " lists every difference (column order is not compared): add what the rollback leaves out.")
            .example(Dialect.POSTGRESQL, "CREATE INDEX users_name_idx ON users (name);\n"
                    + "ALTER TABLE users ADD COLUMN nickname text;", "DROP INDEX users_name_idx;");

    /**
     * The catalogue, in the order {@code validator rules} prints it. The rules above are decided over a whole set
     * (naming, history, pairing, the replay); every statement rule is a class of its own that holds its id,
     * severity, help, example and check together.
     */
    private static final List<Rule> ALL = List.of(SYNTAX_ERROR, EMPTY_MIGRATION, FILENAME_CONVENTION,
            DUPLICATE_VERSION, UNUSED_SUPPRESSION, HISTORY_MUTATED, OUT_OF_ORDER, UNKNOWN_OBJECT, DUPLICATE_OBJECT,
            ROLLBACK_MISSING, ROLLBACK_ORPHAN, ROLLBACK_EMPTY, ROLLBACK_NOT_INVERSE, IrreversibleWithoutAck.RULE,
            DialectUnsupported.RULE, IfNotExistsUnsupported.RULE, SqliteAlterNeedsRebuild.RULE,
            SqliteAddColumnRestriction.RULE, SqliteDropColumnBlocked.RULE, MysqlDdlImplicitCommit.RULE,
            D1ExplicitTransaction.RULE, D1PragmaNotAllowed.RULE, D1ForeignKeysOffNoop.RULE,
            D1RebuildCascadeDataLoss.RULE, D1LimitExceeded.RULE, D1UnsupportedObject.RULE, DestructiveDrop.RULE,
            UnboundedDml.RULE, NotNullWithoutDefault.RULE, BlockingIndexBuild.RULE, ConcurrentInTransaction.RULE,
            ConstraintWithoutNotValid.RULE, TableRewrite.RULE, MissingLockTimeout.RULE, BreakingRename.RULE,
            NonIdempotentDdl.RULE, TransactionControl.RULE, SetNotNullScan.RULE, UniqueConstraintBlocking.RULE,
            BlockingIndexDrop.RULE, IdentifierTooLong.RULE, NotNullViolation.RULE, DmlTypeMismatch.RULE,
            DataStatementCheck.AMBIGUOUS_COLUMN, PreferBigint.RULE, PreferText.RULE, PreferTimestamptz.RULE,
            PreferIdentity.RULE, HardcodedCredential.RULE, PrivilegeEscalation.RULE, SecurityWeakening.RULE);

    private RuleCatalog() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}
