package dev.drydock.validator.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;

/** Writes a {@link Report} in one of the formats of {@code --format}. */
public sealed interface Reporter permits TextReporter, JsonReporter, SarifReporter, GithubReporter, JunitReporter {

    List<String> FORMATS = List.of("text", "json", "sarif", "github", "junit");

    void write(Report report, Writer out) throws IOException;

    /** @param colour whether text output may use ANSI colour (only on a terminal) */
    static Optional<Reporter> forFormat(String format, boolean colour) {
        return switch (format) {
            case "text" -> Optional.of(new TextReporter(colour));
            case "json" -> Optional.of(new JsonReporter());
            case "sarif" -> Optional.of(new SarifReporter());
            case "github" -> Optional.of(new GithubReporter());
            case "junit" -> Optional.of(new JunitReporter());
            default -> Optional.empty();
        };
    }
}
