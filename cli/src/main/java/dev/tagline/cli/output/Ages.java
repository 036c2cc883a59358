package dev.tagline.cli.output;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** How long ago an API timestamp was, as {@code oc get} shows it: {@code 45s}, {@code 12m}, {@code 3h}, {@code 2d}. */
public final class Ages {

    private Ages() {}

    public static String since(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return "";
        }
        try {
            return of(Duration.between(Instant.parse(timestamp), Instant.now()));
        } catch (DateTimeParseException unreadable) {
            return timestamp;
        }
    }

    static String of(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 2 * 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 2 * 86400) {
            return seconds / 3600 + "h";
        }
        return seconds / 86400 + "d";
    }
}
