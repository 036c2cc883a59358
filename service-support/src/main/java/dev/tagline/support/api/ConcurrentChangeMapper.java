package dev.tagline.support.api;

import dev.tagline.web.ApiError;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers 409 to a race the service's checks and locks did not prevent, such as two first creations of one thing.
 * Here rather than in service-web, because only the services with a database can lose such a race.
 */
public class ConcurrentChangeMapper {

    @ServerExceptionMapper
    public Response concurrentChange(ConstraintViolationException e) {
        return ApiError.response(
                        Response.Status.CONFLICT, "a concurrent change won; read the current state and retry", null)
                .build();
    }
}
