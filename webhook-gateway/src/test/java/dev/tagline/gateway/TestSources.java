package dev.tagline.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Base64;
import java.util.Map;

/**
 * One webhook source per format, with the credentials the tests present. Every {@code @QuarkusTest} of the module
 * uses this profile, so they share one application.
 */
public class TestSources implements QuarkusTestProfile {

    public static final String REGISTRY_TOKEN = "registry-token-8c1f";
    public static final String BASIC_CREDENTIALS = "pusher:s3cret-7d2e";
    public static final String TOKEN = "shared-token-41aa";
    public static final String GITHUB_SECRET = "github-secret-5b9c";
    /** Standard Webhooks secrets are base64 keys with a {@code whsec_} prefix. */
    public static final byte[] EVENTS_KEY = "tagline-standard-webhooks-key-32b".getBytes();

    public static final String EVENTS_SECRET = "whsec_" + Base64.getEncoder().encodeToString(EVENTS_KEY);
    public static final String MIRROR_REGISTRY = "mirror.tagline.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("tagline.gateway.sources.registry.format", "distribution"),
                Map.entry("tagline.gateway.sources.registry.token", REGISTRY_TOKEN),
                Map.entry("tagline.gateway.sources.basic.format", "distribution"),
                Map.entry("tagline.gateway.sources.basic.token", BASIC_CREDENTIALS),
                Map.entry("tagline.gateway.sources.mirror.format", "distribution"),
                Map.entry("tagline.gateway.sources.mirror.token", TOKEN),
                Map.entry("tagline.gateway.sources.mirror.registry", MIRROR_REGISTRY),
                Map.entry("tagline.gateway.sources.harbor.format", "harbor"),
                Map.entry("tagline.gateway.sources.harbor.token", TOKEN),
                Map.entry("tagline.gateway.sources.quay.format", "quay"),
                Map.entry("tagline.gateway.sources.quay.token", TOKEN),
                Map.entry("tagline.gateway.sources.hub.format", "dockerhub"),
                Map.entry("tagline.gateway.sources.hub.token", TOKEN),
                Map.entry("tagline.gateway.sources.github.format", "github"),
                Map.entry("tagline.gateway.sources.github.hmac-secret", GITHUB_SECRET),
                Map.entry("tagline.gateway.sources.acr.format", "acr"),
                Map.entry("tagline.gateway.sources.acr.token", TOKEN),
                Map.entry("tagline.gateway.sources.gar.format", "gar"),
                Map.entry("tagline.gateway.sources.gar.token", TOKEN),
                Map.entry("tagline.gateway.sources.ecr.format", "ecr"),
                Map.entry("tagline.gateway.sources.ecr.token", TOKEN),
                Map.entry("tagline.gateway.sources.events.format", "cloudevents"),
                Map.entry("tagline.gateway.sources.events.hmac-secret", EVENTS_SECRET));
    }
}
