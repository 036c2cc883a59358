package dev.tagline.triggers.api;

import dev.tagline.access.NamespaceAccess;
import dev.tagline.access.Role;
import dev.tagline.support.egress.OutboundTargetRefused;
import dev.tagline.triggers.api.Views.TriggerView;
import dev.tagline.triggers.domain.FollowCheck;
import dev.tagline.triggers.domain.InvalidTriggerException;
import dev.tagline.triggers.domain.TriggerSpec;
import dev.tagline.triggers.domain.WebhookUrl;
import dev.tagline.triggers.service.TriggerService;
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
 * left out of a {@code PUT} to keep the one the trigger has. The access filter requires view in {@code {ns}}
 * to read and edit to change; a trigger may follow a tag in another namespace only if whoever points it there
 * may view that namespace.
 */
@Path("/api/v1/namespaces/{ns}/triggers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TriggerResource {

    private final TriggerService service;
    private final TriggerViews views;
    private final WebhookTargets targets;
    private final FollowCheck mayFollow;

    public TriggerResource(TriggerService service, TriggerViews views, WebhookTargets targets, NamespaceAccess access) {
        this.service = service;
        this.views = views;
        this.targets = targets;
        // An invisible namespace is answered as missing (404), naming the field.
        this.mayFollow = tag -> access.require(tag.namespace(), Role.VIEW, "from.namespace");
    }

    @POST
    public Uni<Response> create(@PathParam("ns") String namespace, TriggerRequest request) {
        String ns = PathNames.namespace(namespace);
        TriggerSpec spec = TriggerRequests.toSpec(ns, request, null);
        return reachable(spec)
                .chain(() -> service.create(ns, spec, mayFollow))
                .chain(() -> views.get(ns, spec.name()))
                .map(view -> Response.created(URI.create("/api/v1/namespaces/" + ns + "/triggers/" + spec.name()))
                        .entity(view)
                        .build());
    }

    @GET
    public Uni<List<TriggerView>> list(@PathParam("ns") String namespace) {
        return views.list(PathNames.namespace(namespace));
    }

    @GET
    @Path("{name}")
    public Uni<TriggerView> get(@PathParam("ns") String namespace, @PathParam("name") String name) {
        return views.get(PathNames.namespace(namespace), PathNames.trigger(name));
    }

    @PUT
    @Path("{name}")
    public Uni<TriggerView> replace(
            @PathParam("ns") String namespace, @PathParam("name") String name, TriggerRequest request) {
        String ns = PathNames.namespace(namespace);
        TriggerSpec spec = TriggerRequests.toSpec(ns, request, PathNames.trigger(name));
        return reachable(spec)
                .chain(() -> service.replace(ns, spec.name(), spec, mayFollow))
                .chain(() -> views.get(ns, spec.name()));
    }

    /** Removes the trigger and its deliveries. */
    @DELETE
    @Path("{name}")
    public Uni<Response> delete(@PathParam("ns") String namespace, @PathParam("name") String name) {
        return service.delete(PathNames.namespace(namespace), PathNames.trigger(name))
                .map(ignored -> Response.noContent().build());
    }

    /** The webhook's host must resolve to addresses the allowlist passes; checked again before every attempt. */
    private Uni<Void> reachable(TriggerSpec spec) {
        if (spec.webhook().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return targets.admit(spec.webhook().get().url())
                .onFailure(OutboundTargetRefused.class)
                .transform(refused -> new InvalidTriggerException(WebhookUrl.FIELD, refused.getMessage()))
                .replaceWithVoid();
    }
}
