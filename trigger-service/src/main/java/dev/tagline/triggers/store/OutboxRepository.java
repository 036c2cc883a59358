package dev.tagline.triggers.store;

import dev.tagline.triggers.domain.OutboxMessage;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The transactional outbox of {@code trigger-actions}. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxMessage, Long> {}
