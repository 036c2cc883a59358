package dev.tagline.bench.bare;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The gateway's webhook route with none of its work: the body is read as the gateway reads it (bytes, on the event
 * loop) and answered 202. What this server sustains is the most the gateway could.
 */
@Path("/webhooks")
public class AcceptEverything {

    @POST
    @Path("/{source}")
    @Consumes(MediaType.WILDCARD)
    @NonBlocking
    public RestResponse<Void> receive(@PathParam("source") String source, byte[] body) {
        return RestResponse.accepted();
    }
}
