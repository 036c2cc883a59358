package dev.tagline.imports.api;

import dev.tagline.imports.registry.ImportFailedException;
import dev.tagline.imports.registry.RegistryNotAllowedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps this service's own refusals to a 4xx and registry failures to a 502 (504 for a timeout), each with an
 * {@link ApiError} body; unreadable JSON and framework 4xx are mapped once, in service-support's
 * {@code RequestErrorMappers}.
 */
public class ApiExceptionMappers {

    private static final String SOURCE_FIELD = "from.name";

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return error(Response.Status.BAD_REQUEST, new ApiError(e.getMessage(), e.field()));
    }

    @ServerExceptionMapper
    public Response notAllowed(RegistryNotAllowedException e) {
        return error(Response.Status.FORBIDDEN, new ApiError(e.getMessage(), SOURCE_FIELD));
    }

    /** The registry's trouble, not the client's: a bad gateway, with the reason and any pause the registry asked for. */
    @ServerExceptionMapper
    public Response importFailed(ImportFailedException e) {
        Response.Status status = e.timedOut() ? Response.Status.GATEWAY_TIMEOUT : Response.Status.BAD_GATEWAY;
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(e.getMessage(), SOURCE_FIELD, e.reason()));
        e.retryAfter().ifPresent(wait -> response.header("Retry-After", Math.max(1, wait.toSeconds())));
        return response.build();
    }

    private static Response error(Response.StatusType status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
