package dev.tagline.tags.api;

import dev.tagline.tags.domain.FieldException;

/** A request path, parameter or body that can never be accepted; names the offending field. */
public class InvalidRequestException extends FieldException {

    public InvalidRequestException(String field, String message) {
        super(field, message);
    }
}
