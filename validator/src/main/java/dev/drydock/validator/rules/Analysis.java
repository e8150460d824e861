package dev.drydock.validator.rules;

import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.migration.Script;
import dev.drydock.shared.migration.SumFile;
import dev.drydock.validator.parse.ParsedScript;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the checks look at: the migration set, the scripts that were read (all of them, or only the files a
 * pre-commit run named, each parsed once per target dialect), and the recorded history.
 *
 * @param sumDisplay how reports name {@code migrations.sum}
 */
public record Analysis(MigrationSet set, Map<Script, List<ParsedScript>> parsed, Optional<SumFile> sum,
                       String sumDisplay) {

    /** The script read for the first target dialect, when it was read at all. */
    Optional<ParsedScript> primary(Script script) {
        List<ParsedScript> versions = parsed.get(script);
        return versions == null || versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
    }
}
