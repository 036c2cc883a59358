package dev.tagline.triggers.api;

import dev.tagline.triggers.api.Views.TriggerView;
import dev.tagline.triggers.domain.InvalidTriggerException;
import dev.tagline.triggers.domain.TriggerService;
import dev.tagline.triggers.domain.TriggerSpec;
import dev.tagline.triggers.domain.WebhookUrl;
import dev.tagline.triggers.webhook.WebhookTargetRefused;
import dev.tagline.triggers.webhook.WebhookTargets;
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

/**
 * Triggers of a namespace. Pausing and resuming is a {@code PUT} with {@code "paused"} set; the secret may be
 * left out of a {@code PUT} to keep the one the trigger has.
 */
@Path("/api/v1/namespaces/{namespace}/triggers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TriggerResource {

    private final TriggerService service;
    private final TriggerViews views;
    private final WebhookTargets targets;

    public TriggerResource(TriggerService service, TriggerViews views, WebhookTargets targets) {
        this.service = service;
        this.views = views;
        this.targets = targets;
    }

    @POST
    public Uni<Response> create(@PathParam("namespace") String namespace, TriggerRequest request) {
        String ns = PathNames.namespace(namespace);
        TriggerSpec spec = TriggerRequests.toSpec(ns, request, null);
        return reachable(spec)
                .chain(() -> service.create(ns, spec))
                .chain(() -> views.get(ns, spec.name()))
                .map(view -> Response.created(URI.create("/api/v1/namespaces/" + ns + "/triggers/" + spec.name()))
                        .entity(view).build());
    }

    @GET
    public Uni<List<TriggerView>> list(@PathParam("namespace") String namespace) {
        return views.list(PathNames.namespace(namespace));
    }

    @GET
    @Path("{name}")
    public Uni<TriggerView> get(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return views.get(PathNames.namespace(namespace), PathNames.trigger(name));
    }

    @PUT
    @Path("{name}")
    public Uni<TriggerView> replace(@PathParam("namespace") String namespace, @PathParam("name") String name,
            TriggerRequest request) {
        String ns = PathNames.namespace(namespace);
        TriggerSpec spec = TriggerRequests.toSpec(ns, request, PathNames.trigger(name));
        return reachable(spec)
                .chain(() -> service.replace(ns, spec.name(), spec))
                .chain(() -> views.get(ns, spec.name()));
    }

    /** Removes the trigger and its deliveries. */
    @DELETE
    @Path("{name}")
    public Uni<Response> delete(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        return service.delete(PathNames.namespace(namespace), PathNames.trigger(name))
                .map(ignored -> Response.noContent().build());
    }

    /** The webhook's host must resolve to addresses the allowlist passes; checked again before every attempt. */
    private Uni<Void> reachable(TriggerSpec spec) {
        if (spec.webhook().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return targets.resolve(spec.webhook().get().url())
                .onFailure(WebhookTargetRefused.class)
                .transform(refused -> new InvalidTriggerException(WebhookUrl.FIELD, refused.getMessage()))
                .replaceWithVoid();
    }
}
