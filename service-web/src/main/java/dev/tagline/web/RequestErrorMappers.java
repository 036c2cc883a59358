package dev.tagline.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns the client mistakes every service meets (unreadable JSON, framework 4xx such as an unknown path) into a 4xx
 * with an {@link ApiError} body; refusals a service decides itself are {@link FieldException}s. Jackson's messages
 * quote the offending value at most, never a whole body, so a secret sent in the wrong shape is not echoed back in
 * full.
 */
public class RequestErrorMappers {

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e) {
        return error(Response.Status.BAD_REQUEST, "the body is not valid JSON: " + e.getOriginalMessage(), "body");
    }

    @ServerExceptionMapper
    public Response unmappableJson(JsonMappingException e) {
        String field = e.getPath().isEmpty()
                ? "body"
                : e.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining())
                        .replaceFirst("^\\.", "");
        return error(Response.Status.BAD_REQUEST, "invalid value: " + e.getOriginalMessage(), field);
    }

    /** Any other unreadable body, such as one nested too deeply. */
    @ServerExceptionMapper
    public Response unprocessableJson(JsonProcessingException e) {
        return error(Response.Status.BAD_REQUEST, "the body cannot be read: " + e.getOriginalMessage(), "body");
    }

    /** Quarkus maps this one itself unless an application mapper claims the exact type. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unmappableJson(e);
    }

    /**
     * Framework answers such as 404 for an unknown path or 415 for a wrong content type, in our shape. The
     * JSON body reader reports unreadable bodies this way too, with Jackson's exception as the cause.
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
        return error(status, status.getReasonPhrase(), null);
    }

    private static Response error(Response.StatusType status, String message, String field) {
        return ApiError.response(status, message, field).build();
    }
}
