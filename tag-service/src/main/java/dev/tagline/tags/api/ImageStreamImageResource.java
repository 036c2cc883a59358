package dev.tagline.tags.api;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Image stream images, {@code stream@digest}: any image in any tag history of the stream. */
@Path("/api/v1/namespaces/{ns}/imagestreamimages/{name}")
@Produces(MediaType.APPLICATION_JSON)
public class ImageStreamImageResource {

    private final ImageStreamViews views;

    public ImageStreamImageResource(ImageStreamViews views) {
        this.views = views;
    }

    @GET
    public Uni<ImageStreamImageView> get(@PathParam("ns") String namespace, @PathParam("name") String name) {
        String[] streamImage = PathNames.streamImage(name);
        return views.image(PathNames.namespace(namespace), streamImage[0], streamImage[1]);
    }
}
