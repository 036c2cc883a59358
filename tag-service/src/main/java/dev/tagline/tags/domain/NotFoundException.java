package dev.tagline.tags.domain;

/** The named stream, tag or image does not exist. */
public class NotFoundException extends FieldException {

    public NotFoundException(String field, String message) {
        super(field, message);
    }
}
