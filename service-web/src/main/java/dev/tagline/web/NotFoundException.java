package dev.tagline.web;

import jakarta.ws.rs.core.Response;

/** The named thing, such as a stream, tag or trigger, does not exist: 404. */
public class NotFoundException extends FieldException {

    public NotFoundException(String field, String message) {
        super(Response.Status.NOT_FOUND, field, message);
    }
}
