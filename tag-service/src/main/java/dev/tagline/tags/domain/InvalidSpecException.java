package dev.tagline.tags.domain;

/** A request field that can never be accepted; names the field as the client wrote it. */
public class InvalidSpecException extends RuntimeException {

    private final String field;

    public InvalidSpecException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
