package dev.tagline.imports.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.tagline.imports.registry.ImportFailedException;
import dev.tagline.imports.registry.RegistryNotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every refused request into a 4xx and every registry failure into a 502 (504 for a timeout), each with an
 * {@link ApiError} body; nothing the client sends yields a 500.
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

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e) {
        return error(Response.Status.BAD_REQUEST, new ApiError("the body is not valid JSON: " + e.getOriginalMessage(),
                "body"));
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e) {
        String field = e.getPath().isEmpty() ? "body" : e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
        return error(Response.Status.BAD_REQUEST, new ApiError("invalid value: " + e.getOriginalMessage(), field));
    }

    /** Any other unreadable body, such as one nested too deeply. */
    @ServerExceptionMapper
    public Response unprocessableJson(JsonProcessingException e) {
        return error(Response.Status.BAD_REQUEST, new ApiError("the body cannot be read: " + e.getOriginalMessage(),
                "body"));
    }

    /** Quarkus maps this one itself unless an application mapper claims the exact type. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unmappableJson(e);
    }

    /**
     * Framework answers such as 404 for an unknown path or 415 for a wrong content type, in our shape. The JSON
     * body reader reports unreadable bodies this way too, with Jackson's exception as the cause.
     */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        if (e.getCause() instanceof JsonParseException parse) {
            return unreadableJson(parse);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unmappableJson(mapping);
        }
        if (e.getCause() instanceof JsonProcessingException other) {
            return unprocessableJson(other);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getFamily() != Response.Status.Family.CLIENT_ERROR) {
            return e.getResponse();
        }
        return error(status, new ApiError(status.getReasonPhrase(), null));
    }

    private static Response error(Response.StatusType status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
