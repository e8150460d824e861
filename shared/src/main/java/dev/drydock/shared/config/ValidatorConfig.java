package dev.drydock.shared.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code validator:} section: severity overrides by rule id ({@code error|warning|info|off}), large tables, and
 * the baseline — the version at and below which migrations are history already applied everywhere.
 */
public record ValidatorConfig(Map<String, String> rules, List<String> largeTables, Optional<String> baseline) {

    public static final List<String> SEVERITIES = List.of("error", "warning", "info", "off");

    public ValidatorConfig {
        rules = Map.copyOf(rules);
        largeTables = List.copyOf(largeTables);
    }
}
