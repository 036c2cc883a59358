package dev.tagline.web;

import jakarta.ws.rs.core.Response;

/**
 * A refused request that carries its own status and names the field of the request it concerns, so that one
 * mapper ({@link FieldExceptionMapper}) answers every such refusal of every service.
 */
public abstract class FieldException extends RuntimeException {

    private final Response.Status status;
    private final String field;

    protected FieldException(Response.Status status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public Response.Status status() {
        return status;
    }

    public String field() {
        return field;
    }
}
