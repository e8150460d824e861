package dev.drydock.validator.rules;

import dev.drydock.shared.sql.Dialect;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.shared.sql.SqlToken;

import java.util.List;
import java.util.Locale;

/**
 * The action of an ALTER TABLE as SQLite's rules read it: its first word ({@code verb}) and the word after, and
 * what SQLite cannot do of it without rebuilding the table. The three {@code sqlite-*} ALTER rules share it, so
 * that an action that needs a rebuild is reported once, by {@code sqlite-alter-needs-rebuild}.
 *
 * @param at the index of the verb among the statement's tokens
 */
record SqliteAlterAction(int at, SqlToken verb, SqlToken next) {

    /** The ALTER TABLE's action when the statement is one and a run targets SQLite or D1; null otherwise. */
    private static SqliteAlterAction of(StatementSite site) {
        if (!site.kind().equals("ALTER TABLE")) {
            return null;
        }
        List<SqlToken> tokens = site.tokens();
        int action = actionStart(tokens);
        if (action < 0) {
            return null;
        }
        SqlToken verb = tokens.get(action);
        return new SqliteAlterAction(action, verb, action + 1 < tokens.size() ? tokens.get(action + 1) : verb);
    }

    /** Hands the statement's ALTER TABLE action to {@code check} once for each SQLite or D1 target of the run. */
    static void forEachTarget(StatementSite site, java.util.function.BiConsumer<SqliteAlterAction, DialectTarget> check) {
        SqliteAlterAction action = of(site);
        if (action == null) {
            return;
        }
        site.targets().stream().filter(t -> t.dialect() == Dialect.SQLITE || t.dialect() == Dialect.D1)
                .forEach(target -> check.accept(action, target));
    }

    /** What of this action {@code target}'s ALTER TABLE cannot do ("DROP CONSTRAINT"), or null when it can. */
    String needsRebuild(DialectTarget target) {
        if (verb.isWord("ALTER") || verb.isWord("MODIFY") || verb.isWord("CHANGE")) {
            return "changing a column (" + verb.text().toUpperCase(Locale.ROOT) + ")";
        } else if (verb.isWord("ADD") && (next.isWord("CONSTRAINT") || next.isWord("PRIMARY") || next.isWord("FOREIGN")
                || next.isWord("CHECK") || next.isWord("UNIQUE"))) {
            return "ADD CONSTRAINT";
        } else if (verb.isWord("DROP") && (next.isWord("CONSTRAINT") || next.isWord("PRIMARY")
                || next.isWord("FOREIGN"))) {
            return "DROP CONSTRAINT";
        } else if (verb.isWord("RENAME") && !next.isWord("TO") && !target.atLeast("3.25")) {
            return "RENAME COLUMN (SQLite 3.25)";
        } else if (verb.isWord("DROP") && !target.atLeast("3.35")) {
            return "DROP COLUMN (SQLite 3.35)";
        }
        return null;
    }

    /** The index of the column name after {@code ADD [COLUMN]} or {@code DROP [COLUMN]}. */
    int columnAt() {
        return at + (next.isWord("COLUMN") ? 2 : 1);
    }

    /** The index of the action's first word: after {@code ALTER TABLE [IF EXISTS] name}. */
    private static int actionStart(List<SqlToken> tokens) {
        int i = 2;
        if (i + 1 < tokens.size() && tokens.get(i).isWord("IF") && tokens.get(i + 1).isWord("EXISTS")) {
            i += 2;
        }
        i++; // the table name
        while (i + 1 < tokens.size() && tokens.get(i).isSymbol('.')) {
            i += 2;
        }
        return i < tokens.size() ? i : -1;
    }
}
