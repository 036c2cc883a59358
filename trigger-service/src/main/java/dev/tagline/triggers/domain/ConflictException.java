package dev.tagline.triggers.domain;

/** The request contradicts what exists, such as creating a trigger that is already there. */
public class ConflictException extends FieldException {

    public ConflictException(String field, String message) {
        super(field, message);
    }
}
