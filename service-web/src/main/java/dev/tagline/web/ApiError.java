package dev.tagline.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body of every error answer: what is wrong and which field or header of the request it concerns. */
public record ApiError(String error, String field) {

    /** A builder rather than a response, so that a mapper can add headers such as {@code Retry-After}. */
    public static Response.ResponseBuilder response(Response.StatusType status, String message, String field) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(message, field));
    }
}
