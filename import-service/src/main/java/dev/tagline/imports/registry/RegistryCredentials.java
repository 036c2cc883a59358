package dev.tagline.imports.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A user name and password for one registry; {@link #toString()} never shows the password. */
public record RegistryCredentials(String username, String password) {

    /** The value of an {@code Authorization} header for Basic authentication. */
    public String basicAuthorization() {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=***]";
    }
}
