package dev.tagline.access;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a refused access check made inside a resource: 404 for a namespace the caller cannot see, else 403. */
public class AccessExceptionMapper {

    @ServerExceptionMapper
    public Response map(AccessDeniedException e) {
        return answer(e);
    }

    static Response answer(AccessDeniedException e) {
        return Response.status(e.hidden() ? Response.Status.NOT_FOUND : Response.Status.FORBIDDEN)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new AccessError(e.getMessage(), e.field()))
                .build();
    }
}
