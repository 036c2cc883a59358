package dev.tagline.tags.api;

import dev.tagline.tags.domain.Sequentially;
import dev.tagline.tags.domain.TagCommand;
import dev.tagline.tags.service.TagOperations;
import dev.tagline.web.RequestBodies;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Tag operations, {@code oc tag} over REST: tags, aliases and cross-stream tags, without re-pushing any image. */
@Path("/api/v1/namespaces/{ns}/imagestreamtags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TagOperationResource {

    private final TagOperations operations;
    private final ImageStreamViews views;
    private final OtherNamespaces otherNamespaces;

    public TagOperationResource(TagOperations operations, ImageStreamViews views, OtherNamespaces otherNamespaces) {
        this.operations = operations;
        this.views = views;
        this.otherNamespaces = otherNamespaces;
    }

    /**
     * Tags every destination from the source, all or none; missing destination streams are created. Needs
     * {@code edit} in the path's namespace, {@code view} in the source's and {@code edit} in every destination's.
     */
    @POST
    @Operation(
            summary = "Tag from a DockerImage, an ImageStreamTag (snapshot, or alias) or an ImageStreamImage "
                    + "into one or more [namespace/]stream:tag destinations, atomically")
    public Uni<List<ImageStreamTagView>> tag(@PathParam("ns") String namespace, TagRequest request) {
        String ns = PathNames.namespace(namespace);
        TagCommand command = RequestBodies.required(request).command(ns);
        otherNamespaces.requireFor(command, ns);
        return operations
                .tag(command)
                .chain(destinations -> Sequentially.map(
                        destinations,
                        destination -> views.tag(destination, null, ImageStreamTagResource.DEFAULT_PAGE)));
    }
}
