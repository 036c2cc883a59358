package dev.tagline.triggers.store;

import dev.tagline.events.StreamTagRef;
import dev.tagline.triggers.domain.Trigger;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

/** Triggers by name and by the tag they follow. */
@ApplicationScoped
public class TriggerRepository implements PanacheRepositoryBase<Trigger, Long> {

    private static final String BY_NAME = "namespace = ?1 and name = ?2";
    private static final String FOLLOWING = "fromNamespace = ?1 and fromStream = ?2 and fromTag = ?3 order by id";

    public Uni<Trigger> findByName(String namespace, String name) {
        return find(BY_NAME, namespace, name).firstResult();
    }

    /**
     * The trigger, locked until the transaction ends: whoever may fire it (a tag update, a change over REST)
     * takes the lock first, so that two of them never decide on the same trigger at once.
     */
    public Uni<Trigger> findByNameLocked(String namespace, String name) {
        return find(BY_NAME, namespace, name)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    public Uni<List<Trigger>> listInNamespace(String namespace) {
        return list("namespace = ?1 order by name", namespace);
    }

    /** Every trigger, in any namespace, that follows the tag. */
    public Uni<List<Trigger>> following(StreamTagRef tag) {
        return list(FOLLOWING, tag.namespace(), tag.imageStream(), tag.tag());
    }
}
