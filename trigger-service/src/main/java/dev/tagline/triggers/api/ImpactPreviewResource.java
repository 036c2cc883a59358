package dev.tagline.triggers.api;

import dev.tagline.triggers.api.Views.ImpactView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * What would fire if an image stream tag moved: every trigger, in any namespace, that follows it, and whether
 * it would fire.
 */
@Path("/api/v1/namespaces/{namespace}/imagestreamtags/{name}/triggers")
@Produces(MediaType.APPLICATION_JSON)
public class ImpactPreviewResource {

    private final TriggerViews views;

    public ImpactPreviewResource(TriggerViews views) {
        this.views = views;
    }

    /** @param digest the image to preview a move to; absent for an image no trigger has seen yet */
    @GET
    public Uni<ImpactView> preview(@PathParam("namespace") String namespace, @PathParam("name") String name,
            @QueryParam("digest") String digest) {
        String ns = PathNames.namespace(namespace);
        return views.impact(PathNames.streamTag("name", ns, name), digest);
    }
}
