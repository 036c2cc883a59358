package dev.tagline.triggers.api;

import dev.tagline.triggers.domain.FieldException;

/** A request path, parameter or body that can never be accepted; names the offending field. */
public class InvalidRequestException extends FieldException {

    public InvalidRequestException(String field, String message) {
        super(field, message);
    }
}
