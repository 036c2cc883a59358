package dev.tagline.gateway.config;

import dev.tagline.web.Secret;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The gateway's own settings, under {@code tagline.gateway}. */
@ConfigMapping(prefix = "tagline.gateway")
public interface GatewayConfig {

    /** The webhook sources by name; a registry calls {@code POST /webhooks/<name>}. */
    Map<String, SourceConfig> sources();

    /**
     * Larger request bodies are refused with 413. Read through {@code quarkus.http.limits.max-body-size}, which
     * application.properties sets from this, so that service-web's filter and the HTTP server apply one limit.
     */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /**
     * How long a request waits for Kafka to acknowledge its events before it is answered 503; longer than the
     * producer's {@code delivery.timeout.ms}, so that this is only the backstop.
     */
    @WithDefault("10s")
    Duration publishTimeout();

    /** The {@code Retry-After} a 503 suggests to the sender. */
    @WithDefault("5s")
    Duration retryAfter();

    /** How long reading an index manifest for its platforms may take before the event goes out without them. */
    @WithDefault("2s")
    Duration indexLookupTimeout();

    /** One sender of webhooks: its format and how it proves who it is. */
    interface SourceConfig {

        /** {@code distribution}, {@code harbor}, {@code quay}, {@code dockerhub}, {@code github}, {@code acr}, {@code gar}, {@code ecr} or {@code cloudevents}. */
        String format();

        /** Expected as {@code Authorization: Bearer <token>}, as Basic {@code user:password}, or as {@code ?token=}. */
        Optional<Secret> token();

        /** The key of the format's signature: GitHub's {@code X-Hub-Signature-256} or Standard Webhooks. */
        Optional<Secret> hmacSecret();

        /** The registry host recorded for this source's events, instead of whatever the payload names. */
        Optional<String> registry();

        /** Where the gateway reads index manifests for their platforms, e.g. {@code https://registry.example.com}. */
        Optional<URI> registryUrl();

        /** {@code user:password} for reading manifests from {@code registry-url}. */
        Optional<Secret> registryCredentials();

        /** A source without a token or an HMAC secret is refused at start-up unless this is false. */
        @WithDefault("true")
        boolean authRequired();

        /** Standard Webhooks signatures with a timestamp further from now than this are refused. */
        @WithDefault("5m")
        Duration replayWindow();
    }
}
