package dev.drydock.validator.rules;

import dev.drydock.validator.parse.ParsedStatement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the statement rules remember while they walk one script, statement by statement. */
final class ScriptState {

    /** Tables created earlier in this script: the safety rules leave them alone. */
    final Set<String> createdHere = new HashSet<>();
    /** Tables some statement of this script renames another table to: the SQLite rebuild's target. */
    final Set<String> renamedInto;
    boolean lockTimeoutSet;
    boolean lockTimeoutReported;
    int openTransactions;
    int lastBeginLine;
    final List<ParsedStatement> outsideTransactionOnly = new ArrayList<>();
    int transactionalStatements;

    ScriptState(Set<String> renamedInto) {
        this.renamedInto = new HashSet<>(renamedInto);
    }

    int lastBeginLine() {
        return lastBeginLine;
    }
}
