package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.Script;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.validator.parse.ParsedScript;
import dev.drydock.validator.parse.ParsedStatement;
import dev.drydock.validator.schema.ReplayProblem;
import dev.drydock.validator.schema.Replayer;
import dev.drydock.validator.schema.RunnerTables;
import dev.drydock.validator.schema.SchemaModel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Replays every forward migration in order into one schema model and, for the scripts being reported, runs
 * the statement rules with the schema as it stands before each statement, reports {@code unknown-object} and
 * {@code duplicate-object}, and replays the rollback on a copy to judge {@code rollback-not-inverse}.
 */
final class ReplayCheck implements Check {

    /** Statements that change rows, not the schema (a SELECT may: PostgreSQL's SELECT ... INTO makes a table). */
    private static final Set<String> DATA_KINDS = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE", "WITH");
    private static final List<StatementRules> RULES = List.of(new DialectUnsupported(), new IfNotExistsUnsupported(), new MysqlDdlImplicitCommit(), new SqliteAlterNeedsRebuild(), new SqliteAddColumnRestriction(),
            new SqliteDropColumnBlocked(), new D1ExplicitTransaction(), new D1PragmaNotAllowed(),
            new D1ForeignKeysOffNoop(), new D1RebuildCascadeDataLoss(), new D1LimitExceeded(), new D1UnsupportedObject(),
            new NonIdempotentDdl(), new MissingLockTimeout(), new ConcurrentInTransaction(), new NewEnumValueInTransaction(),
            new DestructiveDrop(), new IrreversibleWithoutAck(), new UnboundedDml(), new NotNullWithoutDefault(),
            new ConstraintWithoutNotValid(), new BlockingIndexBuild(), new TableRewrite(), new BreakingRename(), new SetNotNullScan(), new UniqueConstraintBlocking(), new BlockingIndexDrop(),
            new IdentifierTooLong(), new TransactionControl(), new PreferBigint(), new PreferText(),
            new PreferTimestamptz(), new PreferIdentity(), new UnknownTypeOrMethod(), new UnknownExpressionColumn(), new UnknownFunction(), new SqliteRefusedTable(),
            new NotNullViolation(),
            new DmlTypeMismatch(), new DataStatementCheck(), new HardcodedCredential(), new PrivilegeEscalation(), new SecurityWeakening());

    @Override
    public void run(Analysis analysis, FindingSink sink) {
        Replayer replayer = new Replayer(analysis.primaryDialect().dialect());
        SchemaModel schema = new SchemaModel();
        RunnerTables.seed(schema, replayer, analysis.primaryDialect().dialect(), analysis.set().layout().name());
        UncertainObjects uncertain = new UncertainObjects(analysis.primaryDialect().dialect());
        for (Migration migration : analysis.set().migrations()) {
            Optional<ParsedScript> forward = analysis.replayable(migration.forward());
            if (forward.isEmpty()) {
                continue;
            }
            boolean reported = analysis.primary(migration.forward()).isPresent();
            Optional<ParsedScript> rollback = migration.rollback().flatMap(analysis::primary);
            SchemaModel.Checkpoint before = reported && rollback.isPresent() ? schema.checkpoint() : null;
            Set<String> unseen = walk(analysis, migration, forward.get(), true, schema, replayer, uncertain,
                    reported ? sink : null);
            if (before != null) {
                // The rollback runs on the live schema, and the forward script again after it. The checkpoint keeps
                // only what the two change, so a migration costs what it touches, not the size of the schema.
                walk(analysis, migration, rollback.get(), false, schema, replayer, uncertain, sink,
                        createdBy(forward.get(), replayer));
                List<String> differences = new ArrayList<>(before.differences());
                // what the forward script dropped or made without the model having seen it before (a CALL or a
                // routine made it): the model's "before" is no proof of it
                differences.removeIf(difference -> unseen.stream().anyMatch(subject -> difference.startsWith(subject + " ")));
                if (!differences.isEmpty()) {
                    RollbackNotInverse.report(sink, migration, rollback.get().script(), differences);
                    before.restore();
                }
                walk(analysis, migration, forward.get(), true, schema, replayer, uncertain, null);
            }
        }
    }

    /**
     * Replays one script into {@code schema}; with a sink, runs the statement rules and reports the replay's problems.
     * Returns the subjects of the problems left unsaid because an earlier statement made their names uncertain.
     */
    private static Set<String> walk(Analysis analysis, Migration migration, ParsedScript parsed, boolean forward,
                                    SchemaModel schema, Replayer replayer, UncertainObjects uncertain, FindingSink sink) {
        return walk(analysis, migration, parsed, forward, schema, replayer, uncertain, sink, Set.of());
    }

    /** @param newTables tables that count as created by this script: for a rollback, those its forward created */
    private static Set<String> walk(Analysis analysis, Migration migration, ParsedScript parsed, boolean forward,
                                    SchemaModel schema, Replayer replayer, UncertainObjects uncertain, FindingSink sink,
                                    Set<String> newTables) {
        Set<String> unseen = new HashSet<>();
        Script script = parsed.script();
        replayer.startScript(schema);
        ScriptState state = new ScriptState(sink == null ? Set.of() : renameTargets(parsed, replayer), uncertain);
        state.createdHere.addAll(newTables);
        StatementSite site = null;
        String file = script.file().text();
        int seen = script.from();
        for (ParsedStatement statement : parsed.statements()) {
            // MySQL's executable comments between statements (a dump's /*!40014 SET FOREIGN_KEY_CHECKS=0 */)
            replayer.executableComments(file.substring(Math.min(seen, statement.source().startOffset()),
                    statement.source().startOffset()));
            seen = Math.max(seen, statement.source().endOffset());
            if (statement.source().tokens().isEmpty()) {
                continue;
            }
            if (sink != null) {
                site = new StatementSite(analysis, migration, script, forward, statement, schema, replayer, state);
                int before = sink.findings().size();
                for (StatementRules rules : RULES) {
                    rules.check(site, sink);
                }
                statement.problem().ifPresent(problem -> {
                    if (sink.explainsSyntaxError(before)) {
                        sink.removeSyntaxError(script.displayPath(), problem.start());
                    }
                });
            }
            noteTransaction(statement, state, script);
            if (statement.problem().isPresent()) {
                continue; // the database stops here; syntax-error says so
            }
            String kind = statement.shape().kind();
            uncertain.note(statement, schema);
            if (sink == null && DATA_KINDS.contains(kind)) {
                continue; // data changes leave the schema as it is; they are checked only where reported
            }
            List<ReplayProblem> problems = replayer.apply(schema, statement.source().tokens());
            if (statement.shape().kind().equals("CREATE TABLE") && !statement.shape().objects().isEmpty()) {
                state.createdHere.add(replayer.key(statement.shape().objects().get(0).toLowerCase(java.util.Locale.ROOT)));
            }
            if (sink != null) {
                for (ReplayProblem problem : problems) {
                    if (!uncertain.covers(problem)) {
                        UnknownObject.report(sink, script, problem);
                    } else {
                        unseen.add(problem.subject());
                    }
                }
            }
            uncertain.settle(statement);
        }
        replayer.executableComments(file.substring(Math.min(seen, script.to()), script.to()));
        if (sink != null && site != null) {
            for (StatementRules rules : RULES) {
                rules.endOfScript(site, sink);
            }
        }
        return unseen;
    }

    private static void noteTransaction(ParsedStatement statement, ScriptState state, Script script) {
        List<SqlToken> tokens = statement.source().tokens();
        String kind = statement.shape().kind();
        if (TransactionControl.begins(kind, tokens)) {
            state.openTransactions++;
            state.lastBeginLine = statement.source().start().line();
        } else if (TransactionControl.ends(kind, tokens)) {
            state.openTransactions = Math.max(0, state.openTransactions - 1);
        }
    }

    private static Set<String> createdBy(ParsedScript parsed, Replayer replayer) {
        Set<String> created = new HashSet<>();
        for (ParsedStatement statement : parsed.statements()) {
            if (statement.shape().kind().equals("CREATE TABLE") && !statement.shape().objects().isEmpty()) {
                created.add(replayer.key(statement.shape().objects().get(0).toLowerCase(java.util.Locale.ROOT)));
            }
        }
        return created;
    }

    /** The tables this script renames others to, as in SQLite's rebuild ({@code ALTER TABLE new_t RENAME TO t}). */
    private static Set<String> renameTargets(ParsedScript parsed, Replayer replayer) {
        Set<String> targets = new HashSet<>();
        for (ParsedStatement statement : parsed.statements()) {
            List<SqlToken> tokens = statement.source().tokens();
            for (int i = 0; i + 2 < tokens.size(); i++) {
                if (tokens.get(i).isWord("RENAME") && tokens.get(i + 1).isWord("TO")
                        && statement.shape().kind().equals("ALTER TABLE")) {
                    SqlToken target = tokens.get(i + 2);
                    targets.add(replayer.key(target.unquoted().toLowerCase(java.util.Locale.ROOT)));
                }
            }
        }
        return targets;
    }
}
