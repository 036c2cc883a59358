package dev.tagline.support.api;

/** A query parameter that is not a whole number in its range; answered 400 naming the parameter. */
public class InvalidQueryNumberException extends RuntimeException {

    private final String field;

    public InvalidQueryNumberException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
