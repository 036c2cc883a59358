package dev.tagline.tags.api;

/** A name in the request path that breaks the naming rules. */
public class InvalidNameException extends RuntimeException {

    private final String field;

    public InvalidNameException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
