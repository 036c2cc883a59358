package dev.tagline.triggers.domain;

/** A refused request that names the field of the request it concerns, as every API error does. */
public abstract class FieldException extends RuntimeException {

    private final String field;

    protected FieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
