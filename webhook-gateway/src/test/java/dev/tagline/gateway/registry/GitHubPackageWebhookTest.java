package dev.tagline.gateway.registry;

import static dev.tagline.gateway.registry.Webhooks.fixture;
import static dev.tagline.gateway.registry.Webhooks.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.gateway.domain.Reading;
import dev.tagline.gateway.domain.RegistryRepository;
import dev.tagline.gateway.domain.TagPushed;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads GitHub's {@code package} webhook for ghcr.io in the shape GitHub documents. GitHub sends no deletes; the
 * children of a multi-arch image arrive as untagged versions.
 */
class GitHubPackageWebhookTest {

    private static final GitHubPackageWebhook FORMAT = new GitHubPackageWebhook();
    private static final String DELIVERY = "8d1f0a60-c8f1-11f0-9a3e-2b1c4d5e6f70";

    @Test
    void a_published_container_version_changes_its_tag_and_keeps_the_delivery_id() {
        Reading reading = readPackage("github/package-published.json");

        TagPushed push = (TagPushed) reading.observations().get(0);
        assertThat(push.repository()).isEqualTo(new RegistryRepository("ghcr.io", "tagline-demo/checkout-service"));
        assertThat(push.tag()).isEqualTo("v2.3.0");
        assertThat(push.digest()).isEqualTo("sha256:1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d");
        assertThat(push.provenance().eventId()).isEqualTo(DELIVERY);
        assertThat(push.provenance().actor()).isEqualTo("release-actions[bot]");
        assertThat(push.provenance().observedAt()).isEqualTo(Instant.parse("2025-11-23T10:00:00Z"));
    }

    @Test
    void a_new_version_with_the_same_tag_moves_it() {
        TagPushed moved = (TagPushed) readPackage("github/package-published-moved.json")
                .observations()
                .get(0);

        assertThat(moved.tag()).isEqualTo("v2.3.0");
        assertThat(moved.digest()).isEqualTo("sha256:9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d");
    }

    @Test
    void without_a_delivery_header_the_id_is_derived_from_the_version() {
        Reading first = read(FORMAT, fixture("github/package-published.json"), Map.of("X-GitHub-Event", "package"));
        Reading again = read(FORMAT, fixture("github/package-published.json"), Map.of("X-GitHub-Event", "package"));

        assertThat(first.observations().get(0).provenance().eventId())
                .isEqualTo(again.observations().get(0).provenance().eventId());
        assertThat(first.observations().get(0).provenance().sourceEventId()).isNull();
    }

    @Test
    void an_untagged_version_such_as_a_platform_of_a_multi_arch_image_is_ignored() {
        Reading reading = readPackage("github/package-published-untagged.json");

        assertThat(reading.observations()).isEmpty();
        assertThat(reading.ignored()).isEqualTo(1);
    }

    @Test
    void other_package_types_and_pings_are_ignored() {
        assertThat(readPackage("github/package-npm.json").observations()).isEmpty();
        Reading ping = read(FORMAT, fixture("github/ping.json"), Map.of("X-GitHub-Event", "ping"));
        assertThat(ping.observations()).isEmpty();
        assertThat(ping.ignored()).isEqualTo(1);
    }

    private static Reading readPackage(String fixture) {
        return read(FORMAT, fixture(fixture), Map.of("X-GitHub-Event", "package", "X-GitHub-Delivery", DELIVERY));
    }
}
