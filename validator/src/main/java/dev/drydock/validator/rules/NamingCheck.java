package dev.drydock.validator.rules;

import dev.drydock.shared.migration.Migration;
import dev.drydock.shared.migration.MisnamedFile;

import java.util.HashMap;
import java.util.Map;

/** {@code filename-convention} and {@code duplicate-version}. */
final class NamingCheck implements Check {

    @Override
    public void run(Analysis analysis, FindingSink sink) {
        for (MisnamedFile file : analysis.set().misnamed()) {
            sink.add(RuleCatalog.FILENAME_CONVENTION, file.file().displayPath(), Finding.FILE_START,
                    Finding.FILE_START, null, file.file().path().getFileName() + ": " + file.why()
                            + " (layout " + analysis.set().layout().name() + ")");
        }
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
                sink.addAtScript(RuleCatalog.DUPLICATE_VERSION, migration.forward(), "version " + version
                        + " is also used by " + earlier.forward().displayPath() + "; the runner refuses two migrations"
                        + " with one version: give this one the next free version");
            }
        }
    }
}
