package dev.tagline.gateway.registry;

import java.util.Locale;

/** Media types of webhook bodies, compared without parameters such as {@code charset}. */
public final class MediaTypes {

    public static final String JSON = "application/json";

    private MediaTypes() {}

    /** {@code application/json; charset=utf-8} is {@code application/json}; null for a missing header. */
    public static String essence(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }
}
