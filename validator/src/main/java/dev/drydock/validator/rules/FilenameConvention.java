package dev.drydock.validator.rules;

import dev.drydock.shared.migration.MisnamedFile;

/** {@code filename-convention}: a SQL file in the migrations folder that the layout's runner would not pick up. */
final class FilenameConvention implements Check {

    static final Rule RULE = Rule.of("filename-convention", Severity.ERROR, "parsing",
            "a SQL file the runner would not pick up",
            "The runner silently skips files that do not follow its naming, so this SQL would never run. Rename"
                    + " it as the message shows.");

    @Override
    public void run(Analysis analysis, FindingSink sink) {
        for (MisnamedFile file : analysis.set().misnamed()) {
            sink.add(RULE, file.file().displayPath(), Finding.FILE_START, Finding.FILE_START, null,
                    file.file().path().getFileName() + ": " + file.why() + " (layout " + analysis.set().layout().name()
                            + ")");
        }
    }
}
