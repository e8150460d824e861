package dev.drydock.shared.config;

import java.util.List;
import java.util.Map;

/** The {@code validator:} section: severity overrides by rule id ({@code error|warning|info|off}) and large tables. */
public record ValidatorConfig(Map<String, String> rules, List<String> largeTables) {

    public static final List<String> SEVERITIES = List.of("error", "warning", "info", "off");

    public ValidatorConfig {
        rules = Map.copyOf(rules);
        largeTables = List.copyOf(largeTables);
    }
}
