package dev.tagline.gateway.registry;

import static dev.tagline.gateway.registry.Webhooks.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagline.gateway.domain.InvalidPayloadException;
import dev.tagline.gateway.domain.Reading;
import dev.tagline.gateway.domain.RegistryRepository;
import dev.tagline.gateway.domain.TagDeleted;
import dev.tagline.gateway.domain.TagPushed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads Artifact Registry notifications as a Pub/Sub push subscription delivers them, in the documented shapes. */
class GoogleArtifactRegistryPushTest {

    private static final GoogleArtifactRegistryPush FORMAT = new GoogleArtifactRegistryPush();
    private static final RegistryRepository LEDGER =
            new RegistryRepository("europe-west1-docker.pkg.dev", "tagline-demo/apps/ledger");

    @Test
    void an_insert_with_a_tag_changes_the_tag() {
        TagPushed push =
                (TagPushed) read(FORMAT, "gar/insert-tag.json").observations().get(0);

        assertThat(push.repository()).isEqualTo(LEDGER);
        assertThat(push.tag()).isEqualTo("1.9.0");
        assertThat(push.digest()).isEqualTo("sha256:2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70819");
        assertThat(push.provenance().eventId()).isEqualTo("13376041220918831");
        assertThat(push.provenance().observedAt()).isEqualTo(Instant.parse("2025-11-23T09:00:01.512Z"));
    }

    @Test
    void an_insert_of_another_digest_under_the_tag_moves_it() {
        TagPushed moved = (TagPushed)
                read(FORMAT, "gar/insert-tag-moved.json").observations().get(0);

        assertThat(moved.tag()).isEqualTo("1.9.0");
        assertThat(moved.digest()).isEqualTo("sha256:8192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70");
    }

    @Test
    void an_insert_without_a_tag_such_as_a_platform_of_a_multi_arch_image_is_ignored() {
        Reading reading = read(FORMAT, "gar/insert-digest-only.json");

        assertThat(reading.observations()).isEmpty();
        assertThat(reading.ignored()).isEqualTo(1);
    }

    @Test
    void deletes_name_a_tag_or_a_digest() {
        TagDeleted tag =
                (TagDeleted) read(FORMAT, "gar/delete-tag.json").observations().get(0);
        TagDeleted digest = (TagDeleted)
                read(FORMAT, "gar/delete-digest.json").observations().get(0);

        assertThat(tag.repository()).isEqualTo(LEDGER);
        assertThat(tag.tag()).isEqualTo("1.8.0");
        assertThat(tag.digest()).isNull();
        assertThat(digest.tag()).isNull();
        assertThat(digest.digest())
                .isEqualTo("sha256:2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70819");
    }

    @Test
    void data_that_is_not_base64_is_refused_naming_the_field() {
        byte[] body = "{\"message\":{\"data\":\"%%%\",\"messageId\":\"1\"}}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(FORMAT, body, Map.of()))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class,
                        e -> assertThat(e.field()).isEqualTo("message.data"));
    }

    @Test
    void a_bad_digest_inside_the_data_is_refused_naming_its_path() {
        String notification = "{\"action\":\"INSERT\",\"tag\":\"europe-west1-docker.pkg.dev/p/r/i:1\","
                + "\"digest\":\"europe-west1-docker.pkg.dev/p/r/i@sha256:1234\"}";
        byte[] body = ("{\"message\":{\"data\":\""
                        + Base64.getEncoder().encodeToString(notification.getBytes(StandardCharsets.UTF_8))
                        + "\",\"messageId\":\"2\"}}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(FORMAT, body, Map.of()))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class,
                        e -> assertThat(e.field()).isEqualTo("message.data.digest"));
    }
}
