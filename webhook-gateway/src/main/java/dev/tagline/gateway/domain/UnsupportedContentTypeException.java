package dev.tagline.gateway.domain;

import java.util.Set;
import java.util.TreeSet;

/** The body's content type is not one the source's format sends. */
public class UnsupportedContentTypeException extends RuntimeException {

    public UnsupportedContentTypeException(String format, Set<String> accepted) {
        super("format " + format + " accepts only " + String.join(", ", new TreeSet<>(accepted)));
    }
}
