package dev.tagline.cli.api;

import java.nio.charset.StandardCharsets;

/**
 * A name from the command line as one URL path segment: percent-encoded, except the characters the APIs' names use
 * ({@code stream:tag}, {@code stream@sha256:…}), so that a bad name reaches the API and is refused there, by field.
 */
public final class PathSegment {

    private static final String KEPT = "-._~:@";

    private PathSegment() {}

    public static String of(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || KEPT.indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
