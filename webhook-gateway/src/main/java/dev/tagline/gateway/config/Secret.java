package dev.tagline.gateway.config;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A configured credential: readable only on purpose, never through {@code toString}, so it stays out of logs. */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Used by the configuration to convert a property value. */
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
