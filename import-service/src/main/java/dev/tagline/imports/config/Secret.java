package dev.tagline.imports.config;

/**
 * A configured secret, such as a registry password: whatever prints the configuration (or an object holding the
 * secret) shows {@code ***}. SmallRye Config builds it through the constructor.
 */
public record Secret(String value) {

    @Override
    public String toString() {
        return "***";
    }
}
