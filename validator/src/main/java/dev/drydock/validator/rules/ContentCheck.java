package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.Script;
import dev.drydock.validator.parse.ParsedScript;
import dev.drydock.validator.parse.SyntaxProblem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code syntax-error} for every script read, {@code empty-migration} for forward scripts. */
final class ContentCheck implements Check {

    @Override
    public void run(Analysis analysis, FindingSink sink) {
        for (Map.Entry<Script, List<ParsedScript>> entry : analysis.parsed().entrySet()) {
            for (ParsedScript parsed : entry.getValue()) {
                for (SyntaxProblem problem : parsed.problems()) {
                    sink.add(RuleCatalog.SYNTAX_ERROR, entry.getKey().displayPath(), problem.start(), problem.end(),
                            parsed.dialect().dialect().id(), problem.message());
                }
            }
        }
        for (Migration migration : analysis.set().migrations()) {
            Optional<ParsedScript> forward = analysis.primary(migration.forward());
            if (forward.isPresent() && forward.get().isEmpty()) {
                sink.addAtScript(RuleCatalog.EMPTY_MIGRATION, migration.forward(), "migration " + migration.id()
                        + " has no statement; the runner records it as applied and changes nothing. Add its SQL or"
                        + " delete the file");
            }
        }
    }
}
