package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.SumFile;
import dev.drydock.shared.migration.Version;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code history-mutated} and {@code out-of-order}, judged offline against {@code migrations.sum}. */
final class HistoryCheck implements Check {

    @Override
    public void run(Analysis analysis, FindingSink sink) {
        if (analysis.sum().isEmpty()) {
            return;
        }
        SumFile sum = analysis.sum().get();
        if (!sum.intact()) {
            sink.add(RuleCatalog.HISTORY_MUTATED, analysis.sumDisplay(), Finding.FILE_START, Finding.FILE_START, null,
                    "migrations.sum was edited by hand or merged badly (its total no longer matches its lines);"
                            + " check the history, then rewrite it with 'validator hash'");
        }
        Map<String, Migration> byId = new HashMap<>();
        Map<String, Migration> byChecksum = new HashMap<>();
        for (Migration migration : analysis.set().migrations()) {
            byId.put(migration.id(), migration);
            byChecksum.putIfAbsent(migration.forward().checksum(), migration);
        }
        Set<Migration> recorded = new HashSet<>();
        for (SumFile.Entry entry : sum.entries()) {
            Migration current = byId.get(entry.id());
            if (current == null && SumFile.isDraft(entry)) {
                continue; // a draft deleted before it was ever applied is no loss
            }
            if (current == null) {
                Migration renamed = byChecksum.get(entry.forward());
                if (renamed != null && !sum.entries().stream().anyMatch(e -> e.id().equals(renamed.id()))) {
                    recorded.add(renamed);
                    sink.addAtScript(RuleCatalog.HISTORY_MUTATED, renamed.forward(), "migration " + entry.id() + " ("
                            + entry.path() + ") was renamed to " + renamed.id() + "; databases that applied it will"
                            + " run it again under the new name. Restore the old name");
                } else {
                    sink.add(RuleCatalog.HISTORY_MUTATED, analysis.sumDisplay(), Finding.FILE_START,
                            Finding.FILE_START, null, "migration " + entry.id() + " (" + entry.path() + ") is recorded"
                                    + " in migrations.sum but its file is gone; restore it from version control"
                                    + " (a deliberate removal needs 'validator hash')");
                }
                continue;
            }
            recorded.add(current);
            if (current.repeatable() || SumFile.isDraft(entry)) {
                continue; // a repeatable migration is meant to change; a draft from 'migrator create' is not applied yet
            }
            if (!current.forward().checksum().equals(entry.forward())) {
                sink.addAtScript(RuleCatalog.HISTORY_MUTATED, current.forward(), "migration " + current.id()
                        + " was edited after it was recorded in migrations.sum; databases that applied it will not"
                        + " see the change. Revert the edit and put the change in a new migration (or run"
                        + " 'validator hash' if this migration was never applied anywhere)");
            } else if (!current.forward().file().path().endsWith(entry.path())) {
                sink.addAtScript(RuleCatalog.HISTORY_MUTATED, current.forward(), "migration " + current.id()
                        + " was recorded as " + entry.path() + "; restore that name");
            }
        }
        reportOutOfOrder(analysis, recorded, sink);
    }

    private static void reportOutOfOrder(Analysis analysis, Set<Migration> recorded, FindingSink sink) {
        Optional<Version> latest = recorded.stream().flatMap(m -> m.version().stream()).max(Version::compareTo);
        if (latest.isEmpty()) {
            return;
        }
        for (Migration migration : analysis.set().migrations()) {
            if (recorded.contains(migration) || migration.repeatable()) {
                continue;
            }
            Version version = migration.version().orElseThrow();
            if (version.compareTo(latest.get()) < 0) {
                sink.addAtScript(RuleCatalog.OUT_OF_ORDER, migration.forward(), "new migration " + migration.id()
                        + " comes before " + latest.get() + ", the latest recorded one; databases already past "
                        + latest.get() + " will skip or refuse it. Renumber it above " + latest.get());
            }
        }
    }
}
