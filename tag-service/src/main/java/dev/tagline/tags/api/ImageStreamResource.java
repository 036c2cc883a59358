package dev.tagline.tags.api;

import dev.tagline.tags.domain.ImageStreamService;
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
@Path("/api/v1/namespaces/{namespace}/imagestreams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ImageStreamResource {

    private final ImageStreamService service;
    private final ImageStreamViews views;

    public ImageStreamResource(ImageStreamService service, ImageStreamViews views) {
        this.service = service;
        this.views = views;
    }

    @POST
    public Uni<Response> create(@PathParam("namespace") String namespace, ImageStreamRequest request) {
        String ns = PathNames.namespace(namespace);
        String name = PathNames.stream(RequestBodies.required(request).name());
        return service.create(ns, name, request.tags())
                .chain(() -> views.get(ns, name))
                .map(view -> Response.created(URI.create("/api/v1/namespaces/" + ns + "/imagestreams/" + name))
                        .entity(view).build());
    }

    @GET
    public Uni<List<ImageStreamView>> list(@PathParam("namespace") String namespace) {
        return views.list(PathNames.namespace(namespace));
    }

    @GET
    @Path("{name}")
    public Uni<ImageStreamView> get(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return views.get(PathNames.namespace(namespace), PathNames.stream(name));
    }

    /** Replaces the stream's spec tags, creating the stream when missing. */
    @PUT
    @Path("{name}")
    public Uni<ImageStreamView> replace(@PathParam("namespace") String namespace, @PathParam("name") String name,
            ImageStreamRequest request) {
        String ns = PathNames.namespace(namespace);
        String streamName = PathNames.stream(name);
        ImageStreamRequest body = RequestBodies.required(request);
        if (body.name() != null && !body.name().equals(streamName)) {
            throw new InvalidRequestException("name", "the body names " + body.name() + " but the path " + streamName);
        }
        return service.replace(ns, streamName, body.tags()).chain(() -> views.get(ns, streamName));
    }

    @DELETE
    @Path("{name}")
    public Uni<Response> delete(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return service.delete(PathNames.namespace(namespace), PathNames.stream(name))
                .map(ignored -> Response.noContent().build());
    }
}
