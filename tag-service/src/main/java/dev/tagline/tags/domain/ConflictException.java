package dev.tagline.tags.domain;

/** The request contradicts what exists, such as creating a stream that is already there. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
