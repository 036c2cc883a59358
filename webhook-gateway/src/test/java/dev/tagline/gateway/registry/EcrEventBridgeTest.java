package dev.tagline.gateway.registry;

import static dev.tagline.gateway.registry.Webhooks.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.gateway.domain.Reading;
import dev.tagline.gateway.domain.RegistryRepository;
import dev.tagline.gateway.domain.TagDeleted;
import dev.tagline.gateway.domain.TagPushed;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads Amazon ECR events as an EventBridge API destination delivers them, in the shapes AWS documents. */
class EcrEventBridgeTest {

    private static final EcrEventBridge FORMAT = new EcrEventBridge();
    private static final RegistryRepository TRACKER =
            new RegistryRepository("210987654321.dkr.ecr.eu-central-1.amazonaws.com", "shipping/tracker");

    @Test
    void a_successful_push_changes_the_tag_of_the_account_s_registry() {
        TagPushed push =
                (TagPushed) read(FORMAT, "ecr/push.json").observations().get(0);

        assertThat(push.repository()).isEqualTo(TRACKER);
        assertThat(push.tag()).isEqualTo("2.4.0");
        assertThat(push.digest()).isEqualTo("sha256:6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d");
        assertThat(push.mediaType()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
        assertThat(push.provenance().eventId()).isEqualTo("4f1e2d3c-5b6a-7980-a1b2-c3d4e5f60718");
        assertThat(push.provenance().observedAt()).isEqualTo(Instant.parse("2025-11-23T09:15:27Z"));
    }

    @Test
    void a_push_of_another_image_under_the_tag_moves_it_even_without_a_media_type() {
        TagPushed moved =
                (TagPushed) read(FORMAT, "ecr/push-moved.json").observations().get(0);

        assertThat(moved.tag()).isEqualTo("2.4.0");
        assertThat(moved.digest()).isEqualTo("sha256:a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192");
        assertThat(moved.mediaType()).isNull();
    }

    @Test
    void an_index_push_keeps_the_index_media_type() {
        TagPushed push =
                (TagPushed) read(FORMAT, "ecr/push-index.json").observations().get(0);

        assertThat(push.mediaType()).isEqualTo("application/vnd.oci.image.index.v1+json");
    }

    @Test
    void a_tag_delete_names_the_tag_and_its_digest() {
        TagDeleted deleted =
                (TagDeleted) read(FORMAT, "ecr/delete-tag.json").observations().get(0);

        assertThat(deleted.repository()).isEqualTo(TRACKER);
        assertThat(deleted.tag()).isEqualTo("2.3.9");
        assertThat(deleted.digest())
                .isEqualTo("sha256:6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d");
    }

    @ParameterizedTest
    @ValueSource(strings = {"push-untagged.json", "delete-failed.json", "scan-completed.json"})
    void untagged_pushes_failures_and_scans_are_ignored(String fixture) {
        Reading reading = read(FORMAT, "ecr/" + fixture);

        assertThat(reading.observations()).isEmpty();
        assertThat(reading.ignored()).isEqualTo(1);
    }
}
