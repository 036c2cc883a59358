package dev.tagline.tags.domain;

/** The request contradicts what exists, such as creating a stream that is already there. */
public class ConflictException extends FieldException {

    public ConflictException(String field, String message) {
        super(field, message);
    }
}
