package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.Script;
import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.sql.SourcePosition;
import dev.drydock.shared.sql.SqlToken;
import dev.drydock.shared.sql.TopLevel;
import dev.drydock.validator.parse.ParsedStatement;
import dev.drydock.validator.schema.Replayer;
import dev.drydock.validator.schema.SchemaModel;
import dev.drydock.validator.statement.AlterAction;
import dev.drydock.validator.statement.AlterTable;
import dev.drydock.validator.statement.CreateIndex;
import dev.drydock.validator.statement.Statement;

import java.util.List;
import java.util.Locale;

/**
 * One statement as the statement rules see it: where it is, whether it is in a forward script, and the
 * schema just before it runs.
 */
record StatementSite(Analysis analysis, Migration migration, Script script, boolean forward,
                     ParsedStatement statement, SchemaModel schema, Replayer names, ScriptState state) {

    List<SqlToken> tokens() {
        return statement.source().tokens();
    }

    String kind() {
        return statement.shape().kind();
    }

    /** What the statement does, from PostgreSQL's parse tree or its tokens. */
    Statement typed() {
        return statement.typed();
    }

    /** The actions of an ALTER TABLE, in order; none for any other statement. */
    List<AlterAction> alterActions() {
        return typed() instanceof AlterTable alter ? alter.actions() : List.of();
    }

    SqlToken first() {
        return tokens().get(0);
    }

    /** The statement's first named object, as the schema model keys it, or null. */
    String object() {
        List<String> objects = statement.shape().objects();
        return objects.isEmpty() ? null : names.key(objects.get(0).toLowerCase(java.util.Locale.ROOT));
    }

    /** The table the statement works on when it existed before this migration began; null otherwise. */
    String existingTable(String table) {
        return table != null && schema.table(table) != null && !state.createdHere.contains(table) ? table : null;
    }

    /**
     * The table a PostgreSQL {@code ALTER TABLE} changes, when it existed before the migration; null otherwise
     * (another statement, another dialect, a table of this migration's own).
     */
    String existingPostgresAlteredTable() {
        if (dialect() != Dialect.POSTGRESQL || !kind().equals("ALTER TABLE")) {
            return null;
        }
        return existingTable(object());
    }

    /**
     * The table that existed before this migration and that the statement works on (the one after ON for an index
     * or a trigger), as the schema model keys it; null for a table of this migration's own, or none.
     */
    String lockedTable() {
        String kind = kind();
        if (typed() instanceof CreateIndex index) {
            return index.table() == null ? null : existingTable(names.key(index.table().toLowerCase(Locale.ROOT)));
        }
        if (kind.equals("CREATE TRIGGER")) {
            List<SqlToken> tokens = tokens();
            int on = indexOfWord("ON");
            if (on < 0 || on + 1 >= tokens.size()) {
                return null;
            }
            int at = tokens.get(on + 1).isWord("ONLY") ? on + 2 : on + 1;
            return at < tokens.size() ? existingTable(names.key(qualifiedName(tokens, at))) : null;
        }
        return existingTable(object());
    }

    private static String qualifiedName(List<SqlToken> tokens, int at) {
        StringBuilder name = new StringBuilder(tokens.get(at).unquoted().toLowerCase(java.util.Locale.ROOT));
        int i = at + 1;
        while (i + 1 < tokens.size() && tokens.get(i).isSymbol('.')) {
            name.append('.').append(tokens.get(i + 1).unquoted().toLowerCase(java.util.Locale.ROOT));
            i += 2;
        }
        return name.toString();
    }

    /** Whether {@code word} stands in the statement outside every parenthesis (a WHERE of its own, not a subquery's). */
    boolean hasTopLevelWord(String word) {
        return TopLevel.indexOfWord(tokens(), word) >= 0;
    }

    Dialect dialect() {
        return analysis.primaryDialect().dialect();
    }

    List<DialectTarget> targets() {
        return analysis.dialects();
    }

    /** The run's target of {@code dialect}, or null when the run does not target it. */
    DialectTarget target(Dialect dialect) {
        return targets().stream().filter(target -> target.dialect() == dialect).findFirst().orElse(null);
    }

    boolean wordAt(int index, String word) {
        return index < tokens().size() && tokens().get(index).isWord(word);
    }

    boolean containsWord(String word) {
        return tokens().stream().anyMatch(token -> token.isWord(word));
    }

    /** The index of the first token that is {@code word}, or -1. */
    int indexOfWord(String word) {
        List<SqlToken> tokens = tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isWord(word)) {
                return i;
            }
        }
        return -1;
    }

    SqlToken wordToken(String word) {
        int index = indexOfWord(word);
        return index < 0 ? first() : tokens().get(index);
    }

    /**
     * What a rollback is there to do: drop, delete and rename back what its forward migration made. Said of a
     * rollback these would be noise; its locking and transaction rules still hold.
     */
    private static final java.util.Set<String> FORWARD_ONLY = java.util.Set.of("destructive-drop",
            "irreversible-without-ack", "breaking-rename", "unbounded-dml", "non-idempotent-ddl", "prefer-bigint",
            "prefer-text", "prefer-timestamptz", "prefer-identity");

    private boolean silenced(Rule rule) {
        return !forward && FORWARD_ONLY.contains(rule.id());
    }

    void report(FindingSink sink, Rule rule, SqlToken at, DialectTarget dialect, String message) {
        if (silenced(rule)) {
            return;
        }
        sink.add(rule, rule.defaultSeverity(), script.displayPath(), position(at.start()), position(at.end()),
                dialect == null ? null : dialect.dialect().id(), message);
    }

    /** A safety finding about {@code table}: an error whatever its default when the table is in largeTables. */
    void reportOnTable(FindingSink sink, Rule rule, SqlToken at, String table, String message) {
        if (silenced(rule)) {
            return;
        }
        String bare = table == null ? null : table.substring(table.lastIndexOf('.') + 1);
        boolean large = table != null && (analysis.largeTables().contains(table) || analysis.largeTables().contains(bare));
        Severity severity = large ? Severity.ERROR : rule.defaultSeverity();
        sink.add(rule, severity, script.displayPath(), position(at.start()), position(at.end()), null,
                large ? message + " (" + bare + " is listed in validator.largeTables)" : message);
    }

    private SourcePosition position(int offset) {
        return script.file().lines().position(offset);
    }
}
