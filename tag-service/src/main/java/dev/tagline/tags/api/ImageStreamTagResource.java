package dev.tagline.tags.api;

import dev.tagline.events.StreamTagRef;
import dev.tagline.events.TagSpec;
import dev.tagline.tags.service.ImageStreamService;
import dev.tagline.tags.service.Rollbacks;
import dev.tagline.web.InvalidRequestException;
import dev.tagline.web.QueryNumbers;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Image stream tags, {@code stream:tag}: a tag's spec, its current image and its history; rollback and hold. */
@Path("/api/v1/namespaces/{ns}/imagestreamtags/{name}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ImageStreamTagResource {

    static final int MAX_PAGE = 500;
    static final int DEFAULT_PAGE = 50;

    private final ImageStreamService service;
    private final Rollbacks rollbacks;
    private final ImageStreamViews views;
    private final OtherNamespaces otherNamespaces;

    public ImageStreamTagResource(
            ImageStreamService service, Rollbacks rollbacks, ImageStreamViews views, OtherNamespaces otherNamespaces) {
        this.service = service;
        this.rollbacks = rollbacks;
        this.views = views;
        this.otherNamespaces = otherNamespaces;
    }

    /**
     * @param limit history items per page, newest first
     * @param before the {@code continue} value of the previous page
     */
    @GET
    public Uni<ImageStreamTagView> get(
            @PathParam("ns") String namespace,
            @PathParam("name") String name,
            @QueryParam("limit") String limit,
            @QueryParam("before") String before) {
        String ns = PathNames.namespace(namespace);
        StreamTagRef streamTag = PathNames.streamTag(ns, name);
        long pageSize = QueryNumbers.parse("limit", limit, DEFAULT_PAGE, 1, MAX_PAGE);
        Long beforeGeneration =
                before == null || before.isBlank() ? null : QueryNumbers.parse("before", before, 0, 1, Long.MAX_VALUE);
        return views.tag(streamTag, beforeGeneration, (int) pageSize);
    }

    /** Creates or replaces the spec tag; the stream is created when missing. */
    @PUT
    public Uni<ImageStreamTagView> put(
            @PathParam("ns") String namespace, @PathParam("name") String name, TagSpec spec) {
        String ns = PathNames.namespace(namespace);
        StreamTagRef streamTag = PathNames.streamTag(ns, name);
        TagSpec body = RequestBodies.required(spec);
        if (body.name() != null && !body.name().equals(streamTag.tag())) {
            throw new InvalidRequestException(
                    "name", "the body names tag " + body.name() + " but the path " + streamTag.tag());
        }
        TagSpec named = new TagSpec(
                streamTag.tag(), body.from(), body.reference(), body.referencePolicy(), body.importPolicy());
        otherNamespaces.requireForSpec(named, ns, "");
        return service.putTag(ns, streamTag.imageStream(), named).chain(() -> views.tag(streamTag, null, DEFAULT_PAGE));
    }

    /** Removes the tag; the images of its history stay findable by digest. */
    @DELETE
    public Uni<Response> delete(@PathParam("ns") String namespace, @PathParam("name") String name) {
        String ns = PathNames.namespace(namespace);
        StreamTagRef streamTag = PathNames.streamTag(ns, name);
        return service.deleteTag(ns, streamTag.imageStream(), streamTag.tag())
                .map(ignored -> Response.noContent().build());
    }

    /** Points the tag at an earlier item of its history again; with {@code hold}, keeps it there until released. */
    @POST
    @Path("rollback")
    @Operation(
            summary = "Roll the tag back to an earlier history item, by image digest or generation; with hold, "
                    + "later observations of its source are recorded but do not move it until released")
    public Uni<ImageStreamTagView> rollback(
            @PathParam("ns") String namespace, @PathParam("name") String name, RollbackRequest request) {
        String ns = PathNames.namespace(namespace);
        StreamTagRef streamTag = PathNames.streamTag(ns, name);
        RollbackRequest body = RequestBodies.required(request);
        return rollbacks
                .rollback(streamTag, body.target(), body.hold())
                .chain(() -> views.tag(streamTag, null, DEFAULT_PAGE));
    }

    /** Ends a hold: the tag moves to the newest image its source was seen at meanwhile. */
    @POST
    @Path("release")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Release a held tag: it moves to the newest held observation of its source, if that differs")
    public Uni<ImageStreamTagView> release(@PathParam("ns") String namespace, @PathParam("name") String name) {
        String ns = PathNames.namespace(namespace);
        StreamTagRef streamTag = PathNames.streamTag(ns, name);
        return rollbacks.release(streamTag).chain(() -> views.tag(streamTag, null, DEFAULT_PAGE));
    }
}
