package dev.drydock.validator.rules;

import dev.drydock.shared.migration.MigrationSet;
import dev.drydock.shared.migration.Script;
import dev.drydock.shared.migration.SumFile;
import dev.drydock.shared.sql.DialectTarget;
import dev.drydock.validator.parse.ParsedScript;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the checks look at: the migration set, the scripts that were read (all of them, or only the files a
 * pre-commit run named, each parsed once per target dialect), the forward scripts read only for replaying the
 * schema, the recorded history and the settings.
 *
 * @param context     forward scripts not in {@code parsed}, read for the first dialect without syntax checks, so
 *                    the schema at the named files is right
 * @param largeTables tables whose safety findings are raised to errors, lower case
 * @param sumDisplay  how reports name {@code migrations.sum}
 */
public record Analysis(MigrationSet set, List<DialectTarget> dialects, Map<Script, List<ParsedScript>> parsed,
                       Map<Script, ParsedScript> context, Optional<SumFile> sum, String sumDisplay,
                       Set<String> largeTables) {

    /** The script read for the first target dialect, when it was read for reporting. */
    Optional<ParsedScript> primary(Script script) {
        List<ParsedScript> versions = parsed.get(script);
        return versions == null || versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
    }

    /** The script as the replay reads it: parsed for reporting, or read for context only. */
    Optional<ParsedScript> replayable(Script script) {
        return primary(script).or(() -> Optional.ofNullable(context.get(script)));
    }

    DialectTarget primaryDialect() {
        return dialects.get(0);
    }
}
