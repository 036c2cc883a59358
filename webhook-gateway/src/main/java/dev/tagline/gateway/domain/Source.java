package dev.tagline.gateway.domain;

import dev.tagline.gateway.auth.SourceAuthentication;
import dev.tagline.gateway.registry.WebhookFormat;
import dev.tagline.web.Secret;
import java.net.URI;
import java.util.Optional;

/**
 * A configured sender of webhooks: its name (the last segment of {@code /webhooks/<name>}), its format, what it
 * must prove, and what its configuration adds to its payloads.
 */
public record Source(
        String name,
        WebhookFormat format,
        SourceAuthentication authentication,
        Optional<String> registry,
        Optional<URI> registryUrl,
        Optional<Secret> registryCredentials) {}
