package dev.tagline.web;

import jakarta.ws.rs.core.Response;

/** A query parameter that is not a whole number in its range; answered 400 naming the parameter. */
public class InvalidQueryNumberException extends FieldException {

    public InvalidQueryNumberException(String field, String message) {
        super(Response.Status.BAD_REQUEST, field, message);
    }
}
