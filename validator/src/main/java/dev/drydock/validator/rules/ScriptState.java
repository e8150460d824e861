package dev.drydock.validator.rules;

import dev.drydock.validator.parse.ParsedStatement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the statement rules remember while they walk one script, statement by statement. */
final class ScriptState {

    /** Tables created earlier in this script: the safety rules leave them alone. */
    final Set<String> createdHere = new HashSet<>();
    /** Tables some statement of this script renames another table to: the SQLite rebuild's target. */
    final Set<String> renamedInto;
    /** Tables this script emptied (TRUNCATE, DELETE without WHERE): a NOT NULL column without a default fits them. */
    final Set<String> emptied = new HashSet<>();
    boolean lockTimeoutSet;
    boolean lockTimeoutReported;
    int openTransactions;
    int lastBeginLine;
    final List<ParsedStatement> outsideTransactionOnly = new ArrayList<>();
    int transactionalStatements;
    /** Enum values ALTER TYPE ... ADD VALUE added in the transaction still open, by the type's key. */
    final Map<String, Set<String>> enumValuesAdded = new HashMap<>();

    /** Names some earlier statement may have changed unseen (a DO block, a CALL): no error rests on them. */
    final UncertainObjects uncertain;

    ScriptState(Set<String> renamedInto, UncertainObjects uncertain) {
        this.renamedInto = new HashSet<>(renamedInto);
        this.uncertain = uncertain;
    }

    int lastBeginLine() {
        return lastBeginLine;
    }
}
