package dev.tagline.triggers.config;

import dev.tagline.support.config.PositiveDurationConverter;
import dev.tagline.support.config.PositiveIntegerConverter;
import dev.tagline.support.egress.OutboundRule;
import dev.tagline.support.egress.OutboundRuleConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The trigger-service's own settings, under {@code tagline.triggers}. No secret is configured here. */
@ConfigMapping(prefix = "tagline.triggers")
public interface TriggersConfig {

    /**
     * Where webhooks may point, as service-support's outbound allow-list reads it: {@code public},
     * {@code host[:port]}, {@code *.domain[:port]}, an IP address{@code [:port]} or a CIDR range. Listed names,
     * addresses and ranges may be private; nothing else may.
     */
    @WithDefault("public")
    @WithConverter(OutboundRuleConverter.class)
    List<OutboundRule> allowedWebhookHosts();

    /** The {@code ce_source} of every event this service publishes, on Kafka and in webhooks. */
    @WithDefault("/tagline/trigger-service")
    String eventSource();

    /**
     * How long the ids of applied events are kept. A redelivery older than this would be applied again, so
     * it must exceed how far back {@code imagestream-tag-events} can be replayed (its retention).
     */
    @WithDefault("P14D")
    @WithConverter(PositiveDurationConverter.class)
    Duration appliedEventsRetention();

    /** How often rows past their retention are deleted. */
    @WithDefault("1h")
    @WithConverter(PositiveDurationConverter.class)
    Duration pruneInterval();

    Outbox outbox();

    Delivery delivery();

    /** The relay of the transactional outbox to {@code trigger-actions}. */
    interface Outbox {

        /** How often the relay looks for actions a crashed instance left unpublished. */
        @WithDefault("1s")
        @WithConverter(PositiveDurationConverter.class)
        Duration pollInterval();

        /** Longer than the producer's delivery timeout: a batch that takes longer is abandoned and retried. */
        @WithDefault("60s")
        @WithConverter(PositiveDurationConverter.class)
        Duration runTimeout();

        /** Messages relayed per transaction, at most 1024. */
        @WithDefault("256")
        @WithConverter(PositiveIntegerConverter.class)
        int batchSize();

        /** How long relayed rows stay in the outbox, for operators to see what was sent. */
        @WithDefault("P7D")
        @WithConverter(PositiveDurationConverter.class)
        Duration retention();
    }

    /** HTTP deliveries to webhooks. */
    interface Delivery {

        /** How often due deliveries are looked for; new ones are also started as soon as they commit. */
        @WithDefault("1s")
        @WithConverter(PositiveDurationConverter.class)
        Duration pollInterval();

        @WithDefault("5s")
        @WithConverter(PositiveDurationConverter.class)
        Duration connectTimeout();

        /** The longest one attempt may take, name resolution and connection included. */
        @WithDefault("15s")
        @WithConverter(PositiveDurationConverter.class)
        Duration requestTimeout();

        /** Attempts before a delivery is parked as failed; a redelivery starts counting again. */
        @WithDefault("8")
        @WithConverter(PositiveIntegerConverter.class)
        int maxAttempts();

        /** The wait before the second attempt; it doubles with each further attempt, with jitter. */
        @WithDefault("5s")
        @WithConverter(PositiveDurationConverter.class)
        Duration initialBackoff();

        @WithDefault("1h")
        @WithConverter(PositiveDurationConverter.class)
        Duration maxBackoff();

        /**
         * How long a claimed delivery belongs to the replica that claimed it; after that another may attempt
         * it, as after a crash mid-delivery. Must exceed the connect and request timeouts together.
         */
        @WithDefault("2m")
        @WithConverter(PositiveDurationConverter.class)
        Duration lease();

        /** Attempts in flight at once in one replica. */
        @WithDefault("64")
        @WithConverter(PositiveIntegerConverter.class)
        int maxInFlight();

        /** Attempts in flight at once to one subscriber (scheme, host and port), so a slow one holds only these. */
        @WithDefault("4")
        @WithConverter(PositiveIntegerConverter.class)
        int maxInFlightPerSubscriber();

        /** How long finished deliveries are kept. */
        @WithDefault("P30D")
        @WithConverter(PositiveDurationConverter.class)
        Duration retention();
    }
}
