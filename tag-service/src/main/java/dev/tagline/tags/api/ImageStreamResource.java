package dev.tagline.tags.api;

import dev.tagline.access.RequiresRole;
import dev.tagline.access.Role;
import dev.tagline.tags.service.ImageStreamService;
import dev.tagline.web.InvalidRequestException;
import dev.tagline.web.RequestBodies;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** Image streams of a namespace. */
@Path("/api/v1/namespaces/{ns}/imagestreams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ImageStreamResource {

    private final ImageStreamService service;
    private final ImageStreamViews views;
    private final OtherNamespaces otherNamespaces;

    public ImageStreamResource(ImageStreamService service, ImageStreamViews views, OtherNamespaces otherNamespaces) {
        this.service = service;
        this.views = views;
        this.otherNamespaces = otherNamespaces;
    }

    @POST
    public Uni<Response> create(@PathParam("ns") String namespace, ImageStreamRequest request) {
        String ns = PathNames.namespace(namespace);
        String name = PathNames.stream(RequestBodies.required(request).name());
        otherNamespaces.requireForSpecs(request.tags(), ns);
        return service.create(ns, name, request.tags())
                .chain(() -> views.get(ns, name))
                .map(view -> Response.created(URI.create("/api/v1/namespaces/" + ns + "/imagestreams/" + name))
                        .entity(view)
                        .build());
    }

    @GET
    public Uni<List<ImageStreamView>> list(@PathParam("ns") String namespace) {
        return views.list(PathNames.namespace(namespace));
    }

    @GET
    @Path("{name}")
    public Uni<ImageStreamView> get(@PathParam("ns") String namespace, @PathParam("name") String name) {
        return views.get(PathNames.namespace(namespace), PathNames.stream(name));
    }

    /** Replaces the stream's spec tags, creating the stream when missing. */
    @PUT
    @Path("{name}")
    public Uni<ImageStreamView> replace(
            @PathParam("ns") String namespace, @PathParam("name") String name, ImageStreamRequest request) {
        String ns = PathNames.namespace(namespace);
        String streamName = PathNames.stream(name);
        ImageStreamRequest body = RequestBodies.required(request);
        if (body.name() != null && !body.name().equals(streamName)) {
            throw new InvalidRequestException("name", "the body names " + body.name() + " but the path " + streamName);
        }
        otherNamespaces.requireForSpecs(body.tags(), ns);
        return service.replace(ns, streamName, body.tags()).chain(() -> views.get(ns, streamName));
    }

    /** Removes the stream with its tags and their history: the one call that needs {@code admin}. */
    @DELETE
    @Path("{name}")
    @RequiresRole(Role.ADMIN)
    public Uni<Response> delete(@PathParam("ns") String namespace, @PathParam("name") String name) {
        return service.delete(PathNames.namespace(namespace), PathNames.stream(name))
                .map(ignored -> Response.noContent().build());
    }
}
