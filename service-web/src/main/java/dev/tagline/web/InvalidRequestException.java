package dev.tagline.web;

import jakarta.ws.rs.core.Response;

/** A request path, parameter or body that can never be accepted; names the offending field. */
public class InvalidRequestException extends FieldException {

    public InvalidRequestException(String field, String message) {
        super(Response.Status.BAD_REQUEST, field, message);
    }
}
