package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.Version;

import java.util.Optional;
import java.util.Set;

/** {@code out-of-order}: a migration migrations.sum does not record, with a version below the latest it does. */
final class OutOfOrder implements Check {

    static final Rule RULE = Rule.of("out-of-order", Severity.ERROR, "history",
            "a new migration with a version below the latest recorded one",
            "Databases that are already past this version skip it (Flyway) or refuse to migrate. Renumber it above"
                    + " the latest recorded version.");

    @Override
    public void run(Analysis analysis, FindingSink sink) {
        Set<Migration> recorded = RecordedHistory.of(analysis).map(RecordedHistory::recorded).orElse(Set.of());
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
                sink.addAtScript(RULE, migration.forward(), "new migration " + migration.id() + " comes before "
                        + latest.get() + ", the latest recorded one; databases already past " + latest.get()
                        + " will skip or refuse it. Renumber it above " + latest.get());
            }
        }
    }
}
