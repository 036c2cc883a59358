package dev.tagline.access;

import dev.tagline.web.ApiError;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a refused access check made inside a resource: 404 for a namespace the caller cannot see, else 403. */
public class AccessExceptionMapper {

    @ServerExceptionMapper
    public Response map(AccessDeniedException e) {
        return answer(e);
    }

    static Response answer(AccessDeniedException e) {
        return ApiError.response(
                        e.hidden() ? Response.Status.NOT_FOUND : Response.Status.FORBIDDEN, e.getMessage(), e.field())
                .build();
    }
}
