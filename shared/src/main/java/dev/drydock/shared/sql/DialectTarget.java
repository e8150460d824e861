package dev.drydock.shared.sql;

import java.util.Arrays;
import java.util.Optional;

/**
 * A dialect and, optionally, the oldest server version the migrations must run on
 * ({@code postgresql:15}, {@code sqlite:3.40}). Without a version the newest release is assumed.
 */
public record DialectTarget(Dialect dialect, String version) {

    /** Parses {@code name[:version]}; empty when the name is no known dialect or the version is not numeric. */
    public static Optional<DialectTarget> parse(String text) {
        String[] parts = text.trim().split(":", 2);
        Optional<Dialect> dialect = Dialect.fromId(parts[0]);
        if (dialect.isEmpty()) {
            return Optional.empty();
        }
        String version = parts.length == 2 ? parts[1].trim() : null;
        if (version != null && !version.matches("\\d+(\\.\\d+)*")) {
            return Optional.empty();
        }
        return Optional.of(new DialectTarget(dialect.get(), version));
    }

    public static DialectTarget latest(Dialect dialect) {
        return new DialectTarget(dialect, null);
    }

    /** True when no version is set or the set version is at least {@code required} (e.g. "3.35"). */
    public boolean atLeast(String required) {
        if (version == null) {
            return true;
        }
        int[] have = numbers(version);
        int[] need = numbers(required);
        for (int i = 0; i < Math.max(have.length, need.length); i++) {
            int a = i < have.length ? have[i] : 0;
            int b = i < need.length ? need[i] : 0;
            if (a != b) {
                return a > b;
            }
        }
        return true;
    }

    private static int[] numbers(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    @Override
    public String toString() {
        return version == null ? dialect.id() : dialect.id() + ":" + version;
    }
}
