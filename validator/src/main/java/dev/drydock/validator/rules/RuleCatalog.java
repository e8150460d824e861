package dev.drydock.validator.rules;

import java.util.List;
import java.util.Optional;

/**
 * Every rule the validator implements; ids are the contract of DESIGN.md. Each rule is a class of its own named after
 * its id, holding the id, severity, help, example and check together: {@code blocking-index-drop} is
 * {@link BlockingIndexDrop}. The rules about the set as a whole (naming, pairing, history) are {@link Check}s, the
 * rules about a statement {@link StatementRules}; {@code unknown-object}, {@code duplicate-object} and
 * {@code rollback-not-inverse} come out of {@link ReplayCheck}'s replay.
 */
public final class RuleCatalog {

    /** In the order {@code validator rules} prints them. */
    private static final List<Rule> ALL = List.of(SyntaxError.RULE, EmptyMigration.RULE, FilenameConvention.RULE,
            DuplicateVersion.RULE, UnusedSuppression.RULE, HistoryMutated.RULE, OutOfOrder.RULE, UnknownObject.RULE,
            DuplicateObject.RULE, DependentObjects.RULE, TypeChangeWithoutUsing.RULE, ForeignKeyTypeMismatch.RULE,
            RollbackMissing.RULE, RollbackOrphan.RULE, RollbackEmpty.RULE, RollbackNotInverse.RULE,
            IrreversibleWithoutAck.RULE, DialectUnsupported.RULE, IfNotExistsUnsupported.RULE, SqliteAlterNeedsRebuild.RULE, SqliteAddColumnRestriction.RULE, SqliteDropColumnBlocked.RULE,
            MysqlDdlImplicitCommit.RULE, D1ExplicitTransaction.RULE, D1PragmaNotAllowed.RULE,
            D1ForeignKeysOffNoop.RULE, D1RebuildCascadeDataLoss.RULE, D1LimitExceeded.RULE, D1UnsupportedObject.RULE,
            DestructiveDrop.RULE, UnboundedDml.RULE, NotNullWithoutDefault.RULE, BlockingIndexBuild.RULE,
            ConcurrentInTransaction.RULE, NewEnumValueInTransaction.RULE, ConstraintWithoutNotValid.RULE,
            TableRewrite.RULE, MissingLockTimeout.RULE,
            BreakingRename.RULE, NonIdempotentDdl.RULE, TransactionControl.RULE, SetNotNullScan.RULE,
            UniqueConstraintBlocking.RULE, BlockingIndexDrop.RULE, IdentifierTooLong.RULE, NotNullViolation.RULE,
            DmlTypeMismatch.RULE, AmbiguousColumn.RULE, PreferBigint.RULE, PreferText.RULE,
            PreferTimestamptz.RULE, PreferIdentity.RULE, HardcodedCredential.RULE, PrivilegeEscalation.RULE,
            SecurityWeakening.RULE);

    private RuleCatalog() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}
