package dev.tagline.web;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers every {@link FieldException} with its status and an {@link ApiError} naming its field. */
public class FieldExceptionMapper {

    @ServerExceptionMapper
    public Response refused(FieldException e) {
        return ApiError.response(e.status(), e.getMessage(), e.field()).build();
    }
}
