package dev.tagline.gateway.domain;

import dev.tagline.events.reference.ResourceNames;
import dev.tagline.gateway.auth.SourceAuthentication;
import dev.tagline.gateway.config.GatewayConfig;
import dev.tagline.gateway.registry.ImageNames;
import dev.tagline.gateway.registry.WebhookFormat;
import dev.tagline.gateway.registry.WebhookFormats;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * The configured webhook sources. Built at start-up: a source that is misconfigured (unknown format, bad registry,
 * or no credential while authentication is required) stops the gateway from starting, naming the source, rather
 * than leaving an endpoint that anyone could call or nobody could.
 */
@Startup
@ApplicationScoped
public class Sources {

    private static final Logger LOG = Logger.getLogger(Sources.class);

    private final Map<String, Source> byName;

    public Sources(GatewayConfig config) {
        this.byName = of(config.sources());
        if (byName.isEmpty()) {
            LOG.warn(
                    "No webhook sources are configured (tagline.gateway.sources.<name>.format); every webhook gets 404");
        } else {
            LOG.infof("Webhook sources: %s", String.join(", ", new TreeSet<>(byName.keySet())));
        }
    }

    public Optional<Source> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** @throws IllegalArgumentException naming the first misconfigured source and what is wrong */
    static Map<String, Source> of(Map<String, GatewayConfig.SourceConfig> configured) {
        Map<String, Source> sources = new TreeMap<>();
        configured.forEach((name, config) -> {
            try {
                sources.put(name, source(name, config));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "Webhook source '" + name + "' (tagline.gateway.sources." + name + ") is misconfigured: "
                                + e.getMessage(),
                        e);
            }
        });
        return Map.copyOf(sources);
    }

    private static Source source(String name, GatewayConfig.SourceConfig config) {
        ResourceNames.dns1123LabelProblem(name).ifPresent(problem -> {
            throw new IllegalArgumentException("its name is used in URLs and must be a DNS label: " + problem);
        });
        WebhookFormat format = WebhookFormats.named(config.format())
                .orElseThrow(() -> new IllegalArgumentException(
                        "format '" + config.format() + "' is not one of " + String.join(", ", WebhookFormats.names())));
        SourceAuthentication authentication = SourceAuthentication.of(
                config.token(),
                config.hmacSecret(),
                format.signatureScheme(),
                config.replayWindow(),
                config.authRequired());
        Optional<String> registry = config.registry().map(host -> registryHost(host));
        config.registryUrl().ifPresent(Sources::checkRegistryUrl);
        if (config.registryCredentials().isPresent() && config.registryUrl().isEmpty()) {
            throw new IllegalArgumentException("registry-credentials are only sent to registry-url, which is not set");
        }
        return new Source(name, format, authentication, registry, config.registryUrl(), config.registryCredentials());
    }

    private static String registryHost(String host) {
        try {
            return ImageNames.host(host, "registry");
        } catch (InvalidPayloadException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static void checkRegistryUrl(URI url) {
        if (!("https".equals(url.getScheme()) || "http".equals(url.getScheme()))
                || url.getHost() == null
                || url.getRawQuery() != null
                || url.getRawUserInfo() != null) {
            // Not shown: user info in it would be a credential.
            throw new IllegalArgumentException("registry-url must be http(s)://host[:port][/path], without user info "
                    + "or query; put credentials in registry-credentials");
        }
    }
}
