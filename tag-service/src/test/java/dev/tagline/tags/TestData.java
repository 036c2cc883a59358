package dev.tagline.tags;

import dev.tagline.events.Origin;
import dev.tagline.events.Platform;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.events.StreamTagRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Unique names and realistic payloads, so that tests never see each other's data. */
final class TestData {

    static final String REGISTRY = "127.0.0.1:5000";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    private TestData() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A digest no other test uses. */
    static String digest() {
        String hex = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        return "sha256:" + hex.substring(0, 64);
    }

    static RegistryTagChanged pushed(String repository, String tag, String digest) {
        return pushed(repository, tag, digest, null);
    }

    static RegistryTagChanged pushed(String repository, String tag, String digest, RegistryTagChanged.Target target) {
        return new RegistryTagChanged(
                REGISTRY,
                repository,
                tag,
                digest,
                OCI_MANIFEST,
                1234L,
                List.<Platform>of(),
                Instant.now(),
                new Origin(Origin.Kind.WEBHOOK, "local", "evt-1", null),
                target);
    }

    /** An on-demand import's target that leaves the tag's policies as they are. */
    static RegistryTagChanged.Target target(String namespace, String stream, String tag) {
        return RegistryTagChanged.Target.of(new StreamTagRef(namespace, stream, tag));
    }

    static String imageStreamBody(String name, String tag, String source) {
        return """
                {"name":"%s","tags":[{"name":"%s","from":{"kind":"DockerImage","name":"%s"},
                 "importPolicy":{"scheduled":true,"insecure":true}}]}""".formatted(name, tag, source);
    }
}
