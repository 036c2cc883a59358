package dev.tagline.imports.config;

import dev.tagline.support.config.FractionConverter;
import dev.tagline.support.config.PositiveDurationConverter;
import dev.tagline.support.config.PositiveIntegerConverter;
import dev.tagline.support.egress.OutboundRule;
import dev.tagline.support.egress.OutboundRuleConverter;
import dev.tagline.web.Secret;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The import-service's own settings, under {@code tagline.imports}; passwords are {@link Secret}s, masked when printed. */
@ConfigMapping(prefix = "tagline.imports")
public interface ImportsConfig {

    /** How often each scheduled source is checked; raised to {@link #minInterval()} with a warning if below. */
    @WithDefault("15m")
    @WithConverter(PositiveDurationConverter.class)
    Duration interval();

    /** The shortest interval the service accepts, to stay polite to registries. */
    @WithDefault("1m")
    @WithConverter(PositiveDurationConverter.class)
    Duration minInterval();

    /** Each next check is delayed by up to this fraction of the interval, at random, so checks spread out. */
    @WithDefault("0.1")
    @WithConverter(FractionConverter.class)
    double jitter();

    /**
     * Registries (and token servers) imports may reach, as service-support's outbound allow-list reads it:
     * {@code public}, {@code host[:port]}, {@code *.domain[:port]}, an IP address{@code [:port]} or a CIDR range.
     */
    @WithDefault("public")
    @WithConverter(OutboundRuleConverter.class)
    List<OutboundRule> allowedRegistries();

    /** How often the scheduler looks for due sources. */
    @WithDefault("5s")
    @WithConverter(PositiveDurationConverter.class)
    Duration pollInterval();

    /** Sources claimed per look. */
    @WithDefault("50")
    @WithConverter(PositiveIntegerConverter.class)
    int batchSize();

    /** How long a claimed source stays claimed; a replica that crashed mid-check leaves it to others after this. */
    @WithDefault("5m")
    @WithConverter(PositiveDurationConverter.class)
    Duration claimLease();

    /** The longest a failing source waits between checks. */
    @WithDefault("6h")
    @WithConverter(PositiveDurationConverter.class)
    Duration maxBackoff();

    /** Scheduled checks per minute of this replica, over all registries. */
    @WithDefault("300")
    @WithConverter(PositiveIntegerConverter.class)
    int maxChecksPerMinute();

    /** Imports per minute per registry, over all of its repositories (a token bucket's refill rate). */
    @WithDefault("60")
    @WithConverter(PositiveIntegerConverter.class)
    int registryImportsPerMinute();

    /** Imports a registry may receive at once after a quiet time (the token bucket's size). */
    @WithDefault("10")
    @WithConverter(PositiveIntegerConverter.class)
    int registryBurst();

    /** How long a registry that answered 429 without {@code Retry-After} is left alone. */
    @WithDefault("1m")
    @WithConverter(PositiveDurationConverter.class)
    Duration defaultRateLimitPause();

    Http http();

    /** Per-registry settings, keyed by the registry as references name it, e.g. {@code "quay.io"}. */
    Map<String, Registry> registries();

    /** {@code origin.source} of the events this replica publishes. */
    @WithDefault("import-service")
    String instance();

    /**
     * How long the ids of applied events are kept. A redelivery older than this would be applied again, so it
     * must exceed the retention of the topics consumed.
     */
    @WithDefault("P14D")
    @WithConverter(PositiveDurationConverter.class)
    Duration appliedEventsRetention();

    /** How often rows past their retention are deleted. */
    @WithDefault("1h")
    @WithConverter(PositiveDurationConverter.class)
    Duration pruneInterval();

    Outbox outbox();

    Signatures signatures();

    /** Timeouts and limits of registry calls. */
    interface Http {

        @WithDefault("5s")
        @WithConverter(PositiveDurationConverter.class)
        Duration connectTimeout();

        /** The whole of one call, name resolution included. */
        @WithDefault("15s")
        @WithConverter(PositiveDurationConverter.class)
        Duration requestTimeout();

        /** Larger manifests are refused as invalid (Distribution's own limit is 4 MiB). */
        @WithDefault("4194304")
        @WithConverter(PositiveIntegerConverter.class)
        int maxManifestBytes();
    }

    /** Credentials for one registry. */
    interface Registry {

        Optional<String> username();

        /** Masked wherever the configuration is printed. */
        Optional<Secret> password();
    }

    /** Signature checks: how far the registry is read, and when a check that did not verify is repeated. */
    interface Signatures {

        /**
         * The waits between checks of a digest whose last verdict was not {@code Verified}, counted from its last
         * request; after the last one it is not checked again until requested again.
         */
        @WithDefault("30s,2m,10m,1h,6h")
        @WithConverter(PositiveDurationConverter.class)
        List<Duration> recheckAfter();

        /** Signatures read per check (layers of the signature tag and of referrers, together), and referrers. */
        @WithDefault("16")
        @WithConverter(PositiveIntegerConverter.class)
        int maxSignatures();

        /**
         * Registries whose signatures are read over plain HTTP, {@code host[:port]}; a host without a port stands
         * for every port of it. A signature check names no tag whose {@code insecure} flag could say so.
         */
        Optional<List<PlainHttpRegistry>> insecureRegistries();

        /** The largest signature manifest, referrers index or signed payload read; a larger one is an error. */
        @WithDefault("262144")
        @WithConverter(PositiveIntegerConverter.class)
        int maxDocumentBytes();
    }

    /** The relay of the transactional outbox to Kafka. */
    interface Outbox {

        @WithDefault("1s")
        @WithConverter(PositiveDurationConverter.class)
        Duration pollInterval();

        @WithDefault("60s")
        @WithConverter(PositiveDurationConverter.class)
        Duration runTimeout();

        @WithDefault("256")
        @WithConverter(PositiveIntegerConverter.class)
        int batchSize();

        @WithDefault("P7D")
        @WithConverter(PositiveDurationConverter.class)
        Duration retention();

        /** The {@code ce_source} of every event this service publishes. */
        @WithDefault("/tagline/import-service")
        String eventSource();
    }
}
