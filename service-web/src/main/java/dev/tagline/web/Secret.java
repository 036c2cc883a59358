package dev.tagline.web;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A configured credential, such as a webhook token or a registry password: readable only on purpose, never through
 * {@code toString}, so that whatever prints the configuration, or an object holding the secret, keeps it out of logs.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Used by SmallRye Config to convert a property value. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public boolean isBlank() {
        return value.isBlank();
    }

    @Override
    public String toString() {
        return "****";
    }
}
