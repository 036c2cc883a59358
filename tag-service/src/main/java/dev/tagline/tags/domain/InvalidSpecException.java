package dev.tagline.tags.domain;

/** A request field that can never be accepted; names the field as the client wrote it. */
public class InvalidSpecException extends FieldException {

    public InvalidSpecException(String field, String message) {
        super(field, message);
    }
}
