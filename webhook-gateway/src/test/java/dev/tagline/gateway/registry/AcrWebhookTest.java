package dev.tagline.gateway.registry;

import static dev.tagline.gateway.registry.Webhooks.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.gateway.domain.Reading;
import dev.tagline.gateway.domain.RegistryRepository;
import dev.tagline.gateway.domain.TagDeleted;
import dev.tagline.gateway.domain.TagPushed;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads Azure Container Registry webhooks in the shapes Azure documents. */
class AcrWebhookTest {

    private static final AcrWebhook FORMAT = new AcrWebhook();
    private static final RegistryRepository INVOICER =
            new RegistryRepository("taglinedemo.azurecr.io", "billing/invoicer");

    @Test
    void a_tagged_push_changes_the_tag() {
        TagPushed push =
                (TagPushed) read(FORMAT, "acr/push.json").observations().get(0);

        assertThat(push.repository()).isEqualTo(INVOICER);
        assertThat(push.tag()).isEqualTo("v5.0.1");
        assertThat(push.digest()).isEqualTo("sha256:3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a");
        assertThat(push.mediaType()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
        assertThat(push.size()).isEqualTo(1574L);
        assertThat(push.provenance().eventId()).isEqualTo("6a1f0e2d-5b3c-4d4e-9f8a-7b6c5d4e3f2a");
        assertThat(push.provenance().observedAt()).isEqualTo(Instant.parse("2025-11-23T09:30:12.4418733Z"));
    }

    @Test
    void a_new_manifest_under_the_tag_moves_it() {
        TagPushed moved =
                (TagPushed) read(FORMAT, "acr/push-moved.json").observations().get(0);

        assertThat(moved.tag()).isEqualTo("v5.0.1");
        assertThat(moved.digest()).isEqualTo("sha256:d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809");
    }

    @Test
    void an_index_push_has_its_platforms_read_only_from_a_configured_registry_url() {
        TagPushed unconfigured =
                (TagPushed) read(FORMAT, "acr/push-index.json").observations().get(0);
        TagPushed configured = (TagPushed) Webhooks.readWithRegistry(
                        FORMAT, "acr/push-index.json", null, URI.create("https://taglinedemo.azurecr.io"))
                .observations()
                .get(0);

        assertThat(unconfigured.mediaType()).isEqualTo("application/vnd.oci.image.index.v1+json");
        assertThat(unconfigured.lacksPlatforms()).isFalse();
        assertThat(configured.lacksPlatforms()).isTrue();
        assertThat(configured.manifestUrl())
                .hasToString("https://taglinedemo.azurecr.io/v2/billing/invoicer/manifests/" + configured.digest());
    }

    @Test
    void a_manifest_delete_names_the_digest() {
        TagDeleted deleted =
                (TagDeleted) read(FORMAT, "acr/delete.json").observations().get(0);

        assertThat(deleted.repository()).isEqualTo(INVOICER);
        assertThat(deleted.tag()).isNull();
        assertThat(deleted.digest())
                .isEqualTo("sha256:3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"push-untagged.json", "chart-push.json"})
    void untagged_pushes_and_charts_are_ignored(String fixture) {
        Reading reading = read(FORMAT, "acr/" + fixture);

        assertThat(reading.observations()).isEmpty();
        assertThat(reading.ignored()).isEqualTo(1);
    }
}
