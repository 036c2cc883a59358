package dev.tagline.bench.bare;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The gateway's webhook route with none of its work: the same signature (body as bytes, an asynchronous answer, so
 * on the event loop), answered 202 at once. What this server sustains is the most the gateway could.
 */
@Path("/webhooks")
public class AcceptEverything {

    @POST
    @Path("/{source}")
    @Consumes(MediaType.WILDCARD)
    public Uni<RestResponse<Void>> receive(@PathParam("source") String source, byte[] body) {
        return Uni.createFrom().item(RestResponse.accepted());
    }
}
