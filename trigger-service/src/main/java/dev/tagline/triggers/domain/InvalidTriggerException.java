package dev.tagline.triggers.domain;

import dev.tagline.web.FieldException;
import jakarta.ws.rs.core.Response;

/** A trigger, or part of one, that can never be accepted. */
public class InvalidTriggerException extends FieldException {

    public InvalidTriggerException(String field, String message) {
        super(Response.Status.BAD_REQUEST, field, message);
    }
}
