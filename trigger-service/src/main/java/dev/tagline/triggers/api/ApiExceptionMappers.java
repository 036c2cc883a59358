package dev.tagline.triggers.api;

import static dev.tagline.support.api.RequestErrorMappers.error;

import dev.tagline.triggers.domain.ConflictException;
import dev.tagline.triggers.domain.InvalidTriggerException;
import dev.tagline.triggers.domain.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns this service's refusals into a 4xx with an {@code ApiError} body; the mistakes every service meets are
 * mapped by {@link dev.tagline.support.api.RequestErrorMappers}, so nothing the client sends yields a 500.
 */
public class ApiExceptionMappers {

    @ServerExceptionMapper
    public Response invalidTrigger(InvalidTriggerException e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return error(Response.Status.NOT_FOUND, e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return error(Response.Status.CONFLICT, e.getMessage(), e.field());
    }
}
