package dev.tagline.triggers.domain;

/** The named trigger or delivery does not exist. */
public class NotFoundException extends FieldException {

    public NotFoundException(String field, String message) {
        super(field, message);
    }
}
