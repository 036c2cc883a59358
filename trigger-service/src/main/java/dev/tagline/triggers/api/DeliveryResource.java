package dev.tagline.triggers.api;

import dev.tagline.triggers.api.Views.DeliveryView;
import dev.tagline.triggers.service.TriggerService;
import dev.tagline.web.QueryNumbers;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The webhook deliveries of a trigger, and redelivery of one of them (view in {@code {ns}} lists, edit redelivers). */
@Path("/api/v1/namespaces/{ns}/triggers/{name}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    static final int MAX_PAGE = 500;
    static final int DEFAULT_PAGE = 50;

    private final TriggerService service;
    private final TriggerViews views;

    public DeliveryResource(TriggerService service, TriggerViews views) {
        this.service = service;
        this.views = views;
    }

    /**
     * @param limit deliveries per page, newest first
     * @param before the id of the last delivery of the previous page
     */
    @GET
    public Uni<List<DeliveryView>> list(
            @PathParam("ns") String namespace,
            @PathParam("name") String name,
            @QueryParam("limit") String limit,
            @QueryParam("before") String before) {
        long pageSize = QueryNumbers.parse("limit", limit, DEFAULT_PAGE, 1, MAX_PAGE);
        Long beforeId =
                before == null || before.isBlank() ? null : QueryNumbers.parse("before", before, 0, 1, Long.MAX_VALUE);
        return views.deliveries(PathNames.namespace(namespace), PathNames.trigger(name), beforeId, (int) pageSize);
    }

    /** Due at once, with a fresh budget of attempts and the same {@code webhook-id}: 202 with the delivery. */
    @POST
    @Path("{id}/redeliver")
    public Uni<Response> redeliver(
            @PathParam("ns") String namespace, @PathParam("name") String name, @PathParam("id") String id) {
        long deliveryId = QueryNumbers.parse("id", id, 0, 1, Long.MAX_VALUE);
        return service.redeliver(PathNames.namespace(namespace), PathNames.trigger(name), deliveryId)
                .map(delivery -> Response.accepted(DeliveryView.of(delivery)).build());
    }
}
