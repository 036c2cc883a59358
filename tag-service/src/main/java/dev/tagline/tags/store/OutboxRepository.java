package dev.tagline.tags.store;

import dev.tagline.tags.domain.OutboxMessage;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The transactional outbox of {@code imagestream-tag-events}. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxMessage, Long> {}
