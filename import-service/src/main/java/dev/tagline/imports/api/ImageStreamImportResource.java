package dev.tagline.imports.api;

import dev.tagline.imports.domain.ImportOrder;
import dev.tagline.imports.service.OnDemandImports;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** On-demand imports, like {@code oc import-image}: resolve a registry tag now and point a stream tag at it. */
@Path("/api/v1/namespaces/{ns}/imagestreamimports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ImageStreamImportResource {

    private final OnDemandImports imports;

    public ImageStreamImportResource(OnDemandImports imports) {
        this.imports = imports;
    }

    /**
     * Answers once the registry answered and the event is in the outbox; the stream tag moves shortly after. Needs
     * the {@code edit} role in the namespace, which {@code namespace-access} checks before this runs.
     */
    @POST
    public Uni<ImageStreamImportView> importImage(@PathParam("ns") String namespace, ImageStreamImportRequest request) {
        ImportOrder order = ImportOrders.of(namespace, request);
        return imports.importNow(order)
                .map(image -> new ImageStreamImportView(
                        namespace,
                        order.target().imageStream() + ":" + order.target().tag(),
                        request.from(),
                        order.importPolicy(),
                        new ImageStreamImportView.Image(
                                image.digest(),
                                order.source().name() + "@" + image.digest(),
                                image.mediaType(),
                                image.size(),
                                image.platforms())));
    }
}
