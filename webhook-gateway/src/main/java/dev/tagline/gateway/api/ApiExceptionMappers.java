package dev.tagline.gateway.api;

import dev.tagline.gateway.auth.UnauthorizedException;
import dev.tagline.gateway.config.GatewayConfig;
import dev.tagline.gateway.domain.InvalidPayloadException;
import dev.tagline.gateway.domain.UnknownSourceException;
import dev.tagline.gateway.domain.UnsupportedContentTypeException;
import dev.tagline.gateway.messaging.BrokerUnavailableException;
import dev.tagline.web.ApiError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every refusal into its status with an {@link ApiError} body: 404 unknown source, 401 bad credential,
 * 413 too large, 415 wrong content type, 400 invalid payload, 503 (with {@code Retry-After}) when Kafka did not
 * acknowledge. Framework 4xx, such as 404 for an unknown path or 405 for a GET, are service-web's
 * {@code RequestErrorMappers}. Nothing a sender sends yields a 500.
 */
public class ApiExceptionMappers {

    private static final String REALM = "realm=\"tagline-webhook-gateway\"";

    private final long retryAfterSeconds;

    public ApiExceptionMappers(GatewayConfig config) {
        this.retryAfterSeconds = Math.max(1, config.retryAfter().toSeconds());
    }

    @ServerExceptionMapper
    public Response unknownSource(UnknownSourceException e) {
        return ApiError.response(Response.Status.NOT_FOUND, e.getMessage(), "source")
                .build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        Response.ResponseBuilder response = ApiError.response(Response.Status.UNAUTHORIZED, e.getMessage(), e.field());
        if (e.challenge()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer " + REALM)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic " + REALM + ", charset=\"UTF-8\"");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e) {
        return ApiError.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage(), "body")
                .build();
    }

    @ServerExceptionMapper
    public Response unsupportedContentType(UnsupportedContentTypeException e) {
        return ApiError.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), HttpHeaders.CONTENT_TYPE)
                .build();
    }

    @ServerExceptionMapper
    public Response invalidPayload(InvalidPayloadException e) {
        return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage(), e.field())
                .build();
    }

    /** The sender should retry the whole request; its events keep their ids, so a retry is harmless. */
    @ServerExceptionMapper
    public Response brokerUnavailable(BrokerUnavailableException e) {
        return ApiError.response(
                        Response.Status.SERVICE_UNAVAILABLE,
                        "the events could not be stored durably; retry later",
                        null)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .build();
    }
}
