package dev.drydock.shared.config;

import java.time.Duration;

/** A duration as drydock.yaml writes it ({@code 24h}, {@code 90m}, {@code 7d}, {@code 45s}), for messages. */
public final class DurationText {

    private DurationText() {
    }

    public static String of(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds != 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds != 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
