package dev.drydock.validator.rules;

import java.util.Locale;
import java.util.Optional;

/** How much a finding matters: errors fail the run, warnings fail it only with {@code --strict}. */
public enum Severity {
    ERROR, WARNING, INFO;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The config's words {@code error|warning|info}; {@code off} and anything else give empty. */
    public static Optional<Severity> fromId(String id) {
        return switch (id) {
            case "error" -> Optional.of(ERROR);
            case "warning" -> Optional.of(WARNING);
            case "info" -> Optional.of(INFO);
            default -> Optional.empty();
        };
    }
}
