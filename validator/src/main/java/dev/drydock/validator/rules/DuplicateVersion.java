package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Migration;

import java.util.HashMap;
import java.util.Map;

/** {@code duplicate-version}: two forward migrations with one version, where the layout's runner refuses that. */
final class DuplicateVersion implements Check {

    static final Rule RULE = Rule.of("duplicate-version", Severity.ERROR, "parsing",
            "two forward migrations with the same version",
            "The runner refuses a set where two migrations share a version (Flyway: 'Found more than one"
                    + " migration with version'). Give one of them the next free version.");

    @Override
    public void run(Analysis analysis, FindingSink sink) {
        if (analysis.set().layout().versionsMayRepeat()) {
            return;
        }
        Map<String, Migration> first = new HashMap<>();
        for (Migration migration : analysis.set().migrations()) {
            if (migration.repeatable()) {
                continue;
            }
            String version = migration.version().orElseThrow().canonical();
            Migration earlier = first.putIfAbsent(version, migration);
            if (earlier != null) {
                sink.addAtScript(RULE, migration.forward(), "version " + version + " is also used by "
                        + earlier.forward().displayPath() + "; the runner refuses two migrations with one version:"
                        + " give this one the next free version");
            }
        }
    }
}
