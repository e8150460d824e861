package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.SumFile;

/**
 * {@code history-mutated}: a recorded forward script edited, renamed or deleted, or migrations.sum's own lines
 * edited, judged offline against migrations.sum.
 */
final class HistoryMutated implements Check {

    static final Rule RULE = Rule.of("history-mutated", Severity.ERROR, "history",
            "an applied migration edited, renamed or deleted",
            "Databases that already ran this migration will not run it again, so the edit never reaches them and"
                    + " the runner's checksum check fails. Revert the change and write a new migration; if the"
                    + " change is deliberate, run 'validator hash' to record it.");

    @Override
    public void run(Analysis analysis, FindingSink sink) {
        RecordedHistory history = RecordedHistory.of(analysis).orElse(null);
        if (history == null) {
            return;
        }
        if (!history.sum().intact()) {
            sink.add(RULE, analysis.sumDisplay(), Finding.FILE_START, Finding.FILE_START, null,
                    "migrations.sum was edited by hand or merged badly (its total no longer matches its lines);"
                            + " check the history, then rewrite it with 'validator hash'");
        }
        for (RecordedHistory.Match match : history.matches()) {
            SumFile.Entry entry = match.entry();
            Migration current = match.migration();
            switch (match.how()) {
                case RENAMED -> sink.addAtScript(RULE, current.forward(), "migration " + entry.id() + " ("
                        + entry.path() + ") was renamed to " + current.id() + "; databases that applied it will run"
                        + " it again under the new name. Restore the old name");
                case GONE -> sink.add(RULE, analysis.sumDisplay(), Finding.FILE_START, Finding.FILE_START, null,
                        "migration " + entry.id() + " (" + entry.path() + ") is recorded in migrations.sum but its"
                                + " file is gone; restore it from version control (a deliberate removal needs"
                                + " 'validator hash')");
                case SAME_ID -> edited(sink, entry, current);
            }
        }
    }

    private static void edited(FindingSink sink, SumFile.Entry entry, Migration current) {
        if (current.repeatable() || SumFile.isDraft(entry)) {
            return; // a repeatable migration is meant to change; a draft from 'migrator create' is not applied yet
        }
        if (!current.forward().checksum().equals(entry.forward())) {
            sink.addAtScript(RULE, current.forward(), "migration " + current.id() + " was edited after it was"
                    + " recorded in migrations.sum; databases that applied it will not see the change. Revert the edit"
                    + " and put the change in a new migration (or run 'validator hash' if this migration was never"
                    + " applied anywhere)");
        } else if (!current.forward().file().path().endsWith(entry.path())) {
            sink.addAtScript(RULE, current.forward(), "migration " + current.id() + " was recorded as " + entry.path()
                    + "; restore that name");
        }
    }
}
