package dev.tagline.tags.store;

import dev.tagline.tags.domain.ImagePolicy;
import dev.tagline.tags.domain.PolicyRules;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Image policies by namespace and name. */
@ApplicationScoped
public class ImagePolicyRepository implements PanacheRepositoryBase<ImagePolicy, Long> {

    public Uni<ImagePolicy> findByName(String namespace, String name) {
        return find("namespace = ?1 and name = ?2", namespace, name).firstResult();
    }

    public Uni<List<ImagePolicy>> listInNamespace(String namespace) {
        return list("namespace = ?1 order by name", namespace);
    }

    /** The rules of every policy of the namespaces, for the per-event move paths. */
    public Uni<PolicyRules> rulesOf(Collection<String> namespaces) {
        return list("namespace in ?1 order by namespace, name", namespaces)
                .map(policies ->
                        new PolicyRules(policies.stream().map(ImagePolicy::rule).toList()));
    }

    /**
     * Creates the policy unless it exists; a concurrent creator is no error.
     *
     * @return whether this call created it
     */
    public Uni<Boolean> createIfAbsent(
            String namespace, String name, String streamsJson, String keysJson, Instant now) {
        String insert = "insert into image_policies (namespace, name, streams, public_keys, created_at)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict (namespace, name) do nothing";
        return getSession()
                .chain(session -> session.createNativeQuery(insert)
                        .setParameter(1, namespace)
                        .setParameter(2, name)
                        .setParameter(3, streamsJson)
                        .setParameter(4, keysJson)
                        .setParameter(5, now)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
