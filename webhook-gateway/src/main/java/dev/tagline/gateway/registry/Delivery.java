package dev.tagline.gateway.registry;

import dev.tagline.gateway.domain.RegistryRepository;
import dev.tagline.gateway.domain.WebhookRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A webhook request as a format reads it, with what the source's configuration adds: the registry host to record
 * and where index manifests can be read.
 *
 * @param configuredRegistry replaces whatever host the payload names
 * @param registryUrl base URL for reading manifests, e.g. {@code https://registry.example.com}
 */
public record Delivery(WebhookRequest request, Optional<String> configuredRegistry, Optional<URI> registryUrl) {

    public byte[] body() {
        return request.body();
    }

    public String header(String name) {
        return request.header(name);
    }

    public Instant receivedAt() {
        return request.receivedAt();
    }

    /** The configured registry, else the host the payload field names. */
    public String registry(PayloadField host) {
        return configuredRegistry.orElseGet(() -> ImageNames.host(host));
    }

    /** The configured registry, else the host the payload implies. */
    public String registry(Supplier<String> fromPayload) {
        return configuredRegistry.orElseGet(fromPayload);
    }

    /** Where the manifest of {@code digest} can be read: under {@code registry-url}; null when not configured. */
    public URI manifestUrl(RegistryRepository repository, String digest) {
        return registryUrl
                .map(base -> {
                    String text = base.toString();
                    return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text)
                            + manifestPath(repository, digest));
                })
                .orElse(null);
    }

    /**
     * Where the manifest of {@code digest} can be read: under {@code registry-url} when configured, else at the
     * URL the payload gives, but only when that is this manifest's own URL on a registry's API. Null when neither.
     */
    public URI manifestUrl(RegistryRepository repository, String digest, PayloadField payloadUrl) {
        if (registryUrl.isPresent()) {
            return manifestUrl(repository, digest);
        }
        String path = manifestPath(repository, digest);
        Optional<String> given = payloadUrl.optionalText();
        if (given.isEmpty()) {
            return null;
        }
        try {
            URI url = new URI(given.get());
            boolean web = "http".equals(url.getScheme()) || "https".equals(url.getScheme());
            return web
                            && url.getHost() != null
                            && path.equals(url.getRawPath())
                            && url.getRawQuery() == null
                            && url.getRawUserInfo() == null
                    ? url
                    : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String manifestPath(RegistryRepository repository, String digest) {
        return "/v2/" + repository.repository() + "/manifests/" + digest;
    }
}
