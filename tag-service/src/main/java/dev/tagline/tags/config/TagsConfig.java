package dev.tagline.tags.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** The tag-service's own settings, under {@code tagline.tags}. */
@ConfigMapping(prefix = "tagline.tags")
public interface TagsConfig {

    /** Hosts (with port, if any) whose {@code host/ns/name:tag} pushes create image streams. */
    Optional<Set<String>> integratedRegistries();

    /**
     * The registry host ({@code host[:port]}) that serves every stream as {@code host/namespace/stream}, pulling
     * through from the source registries; tags with reference policy {@code Local} point there.
     */
    Optional<String> pullThroughHost();

    /**
     * How long the ids of applied events are kept. A redelivery older than this would be applied again, so
     * it must exceed how far back {@code registry-tag-events} can be replayed (its retention).
     */
    @WithDefault("P14D")
    Duration appliedEventsRetention();

    /** How often rows past their retention are deleted. */
    @WithDefault("1h")
    Duration pruneInterval();

    Outbox outbox();

    /** The relay of the transactional outbox to Kafka. */
    interface Outbox {

        /**
         * How often the relay looks for messages a crashed instance left unpublished; changes made here are
         * relayed as soon as they commit.
         */
        @WithDefault("1s")
        Duration pollInterval();

        /** Longer than the producer's delivery timeout: a batch that takes longer is abandoned and retried. */
        @WithDefault("60s")
        Duration runTimeout();

        /** Messages relayed per step: read, sent, acknowledged, then marked published; at most 1024. */
        @WithDefault("256")
        int batchSize();

        /** How long relayed rows stay in the outbox, for operators to see what was sent. */
        @WithDefault("P7D")
        Duration retention();

        /** The {@code ce_source} of every event this service publishes. */
        @WithDefault("/tagline/tag-service")
        String eventSource();
    }
}
