package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.SumFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * migrations.sum's lines matched with the migrations on disk: by id, or by content where a recorded file was renamed.
 * {@code history-mutated} and {@code out-of-order} both judge the history by it.
 */
record RecordedHistory(SumFile sum, List<Match> matches) {

    /** How a recorded line found its migration. */
    enum How { SAME_ID, RENAMED, GONE }

    /** @param migration the migration on disk; null when {@link How#GONE} */
    record Match(SumFile.Entry entry, Migration migration, How how) {
    }

    /** Empty when the set has no migrations.sum. A deleted draft (never applied anywhere) is no line to match. */
    static Optional<RecordedHistory> of(Analysis analysis) {
        if (analysis.sum().isEmpty()) {
            return Optional.empty();
        }
        SumFile sum = analysis.sum().get();
        Map<String, Migration> byId = new HashMap<>();
        Map<String, Migration> byChecksum = new HashMap<>();
        for (Migration migration : analysis.set().migrations()) {
            byId.put(migration.id(), migration);
            byChecksum.putIfAbsent(migration.forward().checksum(), migration);
        }
        List<Match> matches = new ArrayList<>();
        for (SumFile.Entry entry : sum.entries()) {
            Migration current = byId.get(entry.id());
            if (current != null) {
                matches.add(new Match(entry, current, How.SAME_ID));
            } else if (!SumFile.isDraft(entry)) {
                Migration renamed = byChecksum.get(entry.forward());
                boolean isRename = renamed != null && sum.entries().stream().noneMatch(e -> e.id().equals(renamed.id()));
                matches.add(isRename ? new Match(entry, renamed, How.RENAMED) : new Match(entry, null, How.GONE));
            }
        }
        return Optional.of(new RecordedHistory(sum, matches));
    }

    /** The migrations on disk that a line records, under their name or a new one. */
    Set<Migration> recorded() {
        Set<Migration> recorded = new HashSet<>();
        matches.stream().filter(match -> match.migration() != null).forEach(match -> recorded.add(match.migration()));
        return recorded;
    }
}
