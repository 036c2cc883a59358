package dev.tagline.gateway.api;

import dev.tagline.gateway.domain.Receipt;
import dev.tagline.gateway.domain.WebhookIntake;
import dev.tagline.gateway.domain.WebhookRequest;
import dev.tagline.web.ApiError;
import dev.tagline.web.BodySizeLimit;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Where registries deliver their push webhooks: one URL per configured source. Runs on the event loop. */
@Path("/webhooks")
@Tag(name = "webhooks", description = "Registry push webhooks in, registry tag events out")
public class WebhookResource {

    private static final byte[] NO_BODY = new byte[0];

    private final WebhookIntake intake;
    private final long maxBodyBytes;

    public WebhookResource(WebhookIntake intake, BodySizeLimit limit) {
        this.intake = intake;
        this.maxBodyBytes = limit.maxBytes();
    }

    @POST
    @Path("/{source}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Receive a registry webhook",
            description = "Authenticates the request as the source's sender, reads the body in the source's format "
                    + "and publishes one event per tag change, deletion or import request it reports. Answers 202 "
                    + "only after Kafka acknowledged every event; nothing is published for a refused request.")
    @APIResponse(
            responseCode = "202",
            description = "Published (and acknowledged) or ignored",
            content = @Content(schema = @Schema(implementation = Receipt.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid payload; the field is named",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(
            responseCode = "401",
            description = "Missing or wrong credential or signature",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such source",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(
            responseCode = "413",
            description = "Body larger than tagline.gateway.max-body-size",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(
            responseCode = "415",
            description = "A content type the source's format does not send",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(
            responseCode = "503",
            description = "Kafka did not acknowledge; retry later",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "seconds"),
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<Receipt>> receive(
            @Parameter(description = "A configured source, tagline.gateway.sources.<source>") @PathParam("source")
                    String source,
            @Parameter(description = "The source's token, for senders that cannot set headers") @QueryParam("token")
                    String token,
            @Context HttpServerRequest http,
            byte[] body) {
        // A body sent without a declared length passed BodySizeLimit unmeasured.
        if (body != null && body.length > maxBodyBytes) {
            throw new PayloadTooLargeException(maxBodyBytes);
        }
        WebhookRequest request = new WebhookRequest(
                source,
                http::getHeader,
                token,
                http.getHeader(HttpHeaders.CONTENT_TYPE),
                body == null ? NO_BODY : body,
                Instant.now());
        return intake.receive(request).map(receipt -> RestResponse.status(Response.Status.ACCEPTED, receipt));
    }
}
