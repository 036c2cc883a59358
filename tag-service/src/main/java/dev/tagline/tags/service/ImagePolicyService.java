package dev.tagline.tags.service;

import dev.tagline.events.EventJson;
import dev.tagline.support.time.Timestamps;
import dev.tagline.tags.domain.ImagePolicy;
import dev.tagline.tags.domain.ValidPolicy;
import dev.tagline.tags.store.ImagePolicyRepository;
import dev.tagline.web.NotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Creates, replaces and removes image policies. A change applies to observations from then on: tags keep what they
 * point at, and an item waiting for a verdict is judged by the policy as it is when the verdict arrives.
 */
@ApplicationScoped
public class ImagePolicyService {

    private final ImagePolicyRepository policies;

    public ImagePolicyService(ImagePolicyRepository policies) {
        this.policies = policies;
    }

    /** The policy as stored, and whether this call created it. */
    public record Stored(ImagePolicy policy, boolean created) {}

    @WithTransaction
    public Uni<Stored> put(String namespace, String name, ValidPolicy valid) {
        return policies.createIfAbsent(
                        namespace,
                        name,
                        EventJson.write(valid.streams()),
                        EventJson.write(valid.keys()),
                        Timestamps.now())
                .chain(created -> policies.findByName(namespace, name).map(policy -> {
                    if (!created) {
                        policy.apply(valid);
                    }
                    return new Stored(policy, created);
                }));
    }

    @WithSession
    public Uni<ImagePolicy> get(String namespace, String name) {
        return policies.findByName(namespace, name).map(policy -> {
            if (policy == null) {
                throw new NotFoundException("name", "image policy " + namespace + "/" + name + " not found");
            }
            return policy;
        });
    }

    @WithSession
    public Uni<List<ImagePolicy>> list(String namespace) {
        return policies.listInNamespace(namespace);
    }

    @WithTransaction
    public Uni<Void> delete(String namespace, String name) {
        return policies.findByName(namespace, name).chain(policy -> {
            if (policy == null) {
                throw new NotFoundException("name", "image policy " + namespace + "/" + name + " not found");
            }
            return policies.delete(policy);
        });
    }
}
