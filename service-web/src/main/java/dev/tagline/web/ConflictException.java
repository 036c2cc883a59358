package dev.tagline.web;

import jakarta.ws.rs.core.Response;

/** The request contradicts what exists, such as creating something that is already there: 409. */
public class ConflictException extends FieldException {

    public ConflictException(String field, String message) {
        super(Response.Status.CONFLICT, field, message);
    }
}
