package dev.tagline.tags.api;

import dev.tagline.access.RequiresRole;
import dev.tagline.access.Role;
import dev.tagline.tags.domain.ImagePolicyValidator;
import dev.tagline.tags.domain.ValidPolicy;
import dev.tagline.tags.service.ImagePolicyService;
import dev.tagline.web.RequestBodies;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Image policies of a namespace: which streams move only to signed images, and whose keys sign them. Reading needs
 * {@code view}; changing needs {@code admin}, since a policy decides what every deploy trigger of the namespace may
 * receive.
 */
@Path("/api/v1/namespaces/{ns}/imagepolicies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ImagePolicyResource {

    private final ImagePolicyService service;

    public ImagePolicyResource(ImagePolicyService service) {
        this.service = service;
    }

    @GET
    public Uni<List<ImagePolicyView>> list(@PathParam("ns") String namespace) {
        return service.list(PathNames.namespace(namespace))
                .map(policies -> policies.stream().map(ImagePolicyView::of).toList());
    }

    @GET
    @Path("{name}")
    public Uni<ImagePolicyView> get(@PathParam("ns") String namespace, @PathParam("name") String name) {
        return service.get(PathNames.namespace(namespace), PathNames.stream(name))
                .map(ImagePolicyView::of);
    }

    /** Creates (201) or replaces (200) the policy. */
    @PUT
    @Path("{name}")
    @RequiresRole(Role.ADMIN)
    @Operation(
            summary = "Create or replace an image policy: the tags of its streams move only to images signed by "
                    + "one of its public keys")
    public Uni<Response> put(
            @PathParam("ns") String namespace, @PathParam("name") String name, ImagePolicyRequest request) {
        String ns = PathNames.namespace(namespace);
        String policyName = PathNames.stream(name);
        ImagePolicyRequest body = RequestBodies.required(request);
        ValidPolicy valid = ImagePolicyValidator.validate(body.streams(), body.publicKeys());
        return service.put(ns, policyName, valid).map(stored -> {
            ImagePolicyView view = ImagePolicyView.of(stored.policy());
            return stored.created()
                    ? Response.created(URI.create("/api/v1/namespaces/" + ns + "/imagepolicies/" + policyName))
                            .entity(view)
                            .build()
                    : Response.ok(view).build();
        });
    }

    @DELETE
    @Path("{name}")
    @RequiresRole(Role.ADMIN)
    public Uni<Response> delete(@PathParam("ns") String namespace, @PathParam("name") String name) {
        return service.delete(PathNames.namespace(namespace), PathNames.stream(name))
                .map(ignored -> Response.noContent().build());
    }
}
