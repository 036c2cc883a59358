package dev.tagline.triggers.api;

import dev.tagline.access.Caller;
import dev.tagline.access.CurrentCaller;
import dev.tagline.triggers.api.Views.ImpactView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * What would fire if an image stream tag moved: the triggers that follow it from every namespace the caller may
 * view, whether each would fire, and how many more follow it from namespaces the caller may not view. Needs the
 * view role in the tag's namespace, which the access filter checks.
 */
@Path("/api/v1/namespaces/{ns}/imagestreamtags/{name}/triggers")
@Produces(MediaType.APPLICATION_JSON)
public class ImpactPreviewResource {

    private final TriggerViews views;
    private final CurrentCaller currentCaller;

    public ImpactPreviewResource(TriggerViews views, CurrentCaller currentCaller) {
        this.views = views;
        this.currentCaller = currentCaller;
    }

    /** @param digest the image to preview a move to; absent for an image no trigger has seen yet */
    @GET
    public Uni<ImpactView> preview(
            @PathParam("ns") String namespace, @PathParam("name") String name, @QueryParam("digest") String digest) {
        String ns = PathNames.namespace(namespace);
        Caller caller = currentCaller.get();
        return views.impact(
                PathNames.streamTag("name", ns, name),
                digest,
                followerNamespace -> caller.roleIn(followerNamespace).isPresent());
    }
}
