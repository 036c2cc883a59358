package dev.tagline.imports.api;

import dev.tagline.imports.registry.ImportFailedException;
import dev.tagline.imports.registry.RegistryNotAllowedException;
import dev.tagline.web.ApiError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps a refused registry to 403 and registry failures to a 502 (504 for a timeout); invalid requests, unreadable
 * JSON and framework 4xx are mapped once, in service-web.
 */
public class ApiExceptionMappers {

    private static final String SOURCE_FIELD = "from.name";

    @ServerExceptionMapper
    public Response notAllowed(RegistryNotAllowedException e) {
        return ApiError.response(Response.Status.FORBIDDEN, e.getMessage(), SOURCE_FIELD)
                .build();
    }

    /** The registry's trouble, not the client's: a bad gateway, with the reason and any pause the registry asked for. */
    @ServerExceptionMapper
    public Response importFailed(ImportFailedException e) {
        Response.Status status = e.timedOut() ? Response.Status.GATEWAY_TIMEOUT : Response.Status.BAD_GATEWAY;
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ImportFailedError(e.getMessage(), SOURCE_FIELD, e.reason()));
        e.retryAfter().ifPresent(wait -> response.header("Retry-After", Math.max(1, wait.toSeconds())));
        return response.build();
    }
}
