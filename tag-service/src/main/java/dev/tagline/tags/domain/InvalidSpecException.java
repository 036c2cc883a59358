package dev.tagline.tags.domain;

import dev.tagline.web.FieldException;
import jakarta.ws.rs.core.Response;

/** A request field that can never be accepted; names the field as the client wrote it. */
public class InvalidSpecException extends FieldException {

    public InvalidSpecException(String field, String message) {
        super(Response.Status.BAD_REQUEST, field, message);
    }
}
