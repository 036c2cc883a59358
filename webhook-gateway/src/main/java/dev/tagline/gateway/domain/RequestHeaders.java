package dev.tagline.gateway.domain;

/** The headers of a webhook request, looked up by case-insensitive name. */
@FunctionalInterface
public interface RequestHeaders {

    /** The first value of the header, or null when the request has none. */
    String get(String name);
}
