package dev.tagline.triggers.store;

import dev.tagline.triggers.domain.Delivery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

/**
 * Webhook deliveries as the API shows and changes them; attempts claim and record them through
 * {@link DeliveryLeases}.
 */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, Long> {

    /** The delivery, locked, if it belongs to the trigger. */
    public Uni<Delivery> findOfTriggerLocked(Long triggerId, Long id) {
        return find("id = ?1 and triggerId = ?2", id, triggerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** A trigger's deliveries, newest first, older than {@code beforeId} when given. */
    public Uni<List<Delivery>> page(Long triggerId, Long beforeId, int limit) {
        if (beforeId == null) {
            return find("triggerId = ?1 order by id desc", triggerId)
                    .page(0, limit)
                    .list();
        }
        return find("triggerId = ?1 and id < ?2 order by id desc", triggerId, beforeId)
                .page(0, limit)
                .list();
    }

    /** Deliveries that ended (succeeded or parked as failed) before the cutoff; pending ones are never deleted. */
}
