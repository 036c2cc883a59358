package dev.tagline.gateway.registry;

import static dev.tagline.gateway.registry.Webhooks.read;
import static dev.tagline.gateway.registry.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagline.gateway.domain.InvalidPayloadException;
import dev.tagline.gateway.domain.Reading;
import dev.tagline.gateway.domain.RegistryRepository;
import dev.tagline.gateway.domain.TagDeleted;
import dev.tagline.gateway.domain.TagPushed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads Harbor webhooks in its default payload format, in the shapes Harbor documents. */
class HarborWebhookTest {

    private static final HarborWebhook FORMAT = new HarborWebhook();
    private static final RegistryRepository API = new RegistryRepository("harbor.tagline.test", "payments/api");

    @Test
    void a_pushed_artifact_changes_its_tag() {
        Reading reading = read(FORMAT, "harbor/push-artifact.json");

        TagPushed push = (TagPushed) reading.observations().get(0);
        assertThat(reading.observations()).hasSize(1);
        assertThat(push.repository()).isEqualTo(API);
        assertThat(push.tag()).isEqualTo("1.4.2");
        assertThat(push.digest()).isEqualTo("sha256:0f4a1d7c2be15a3d2b5e6c7a8f9b0c1d2e3f405162738495a6b7c8d9e0f1a2b3");
        assertThat(push.mediaType()).isNull();
        assertThat(push.provenance().observedAt()).isEqualTo(Instant.ofEpochSecond(1763895600));
        assertThat(push.provenance().actor()).isEqualTo("ci-robot");
    }

    @Test
    void a_new_artifact_under_the_same_tag_moves_it_with_another_event_id() {
        TagPushed first = (TagPushed)
                read(FORMAT, "harbor/push-artifact.json").observations().get(0);
        TagPushed moved = (TagPushed)
                read(FORMAT, "harbor/push-artifact-moved.json").observations().get(0);

        assertThat(moved.tag()).isEqualTo(first.tag());
        assertThat(moved.digest()).isNotEqualTo(first.digest());
        assertThat(moved.provenance().eventId()).isNotEqualTo(first.provenance().eventId());
    }

    @Test
    void a_redelivery_keeps_its_event_id() {
        String first = read(FORMAT, "harbor/push-artifact.json")
                .observations()
                .get(0)
                .provenance()
                .eventId();
        String again = read(FORMAT, "harbor/push-artifact.json")
                .observations()
                .get(0)
                .provenance()
                .eventId();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void a_multi_arch_index_pushed_under_two_tags_changes_both() {
        Reading reading = read(FORMAT, "harbor/push-artifact-index.json");

        assertThat(reading.observations())
                .extracting(o -> ((TagPushed) o).tag())
                .containsExactly("2.0.0", "latest");
        assertThat(reading.observations())
                .extracting(o -> ((TagPushed) o).digest())
                .containsOnly("sha256:c1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80");
        assertThat(reading.observations())
                .extracting(o -> o.provenance().eventId())
                .doesNotHaveDuplicates();
    }

    @Test
    void an_artifact_pushed_by_digest_alone_is_ignored() {
        Reading reading = read(FORMAT, "harbor/push-artifact-by-digest.json");

        assertThat(reading.observations()).isEmpty();
        assertThat(reading.ignored()).isEqualTo(1);
    }

    @Test
    void a_deleted_artifact_deletes_its_tag_at_its_digest() {
        TagDeleted deleted = (TagDeleted)
                read(FORMAT, "harbor/delete-artifact.json").observations().get(0);

        assertThat(deleted.repository()).isEqualTo(API);
        assertThat(deleted.tag()).isEqualTo("1.4.1");
        assertThat(deleted.digest())
                .isEqualTo("sha256:0f4a1d7c2be15a3d2b5e6c7a8f9b0c1d2e3f405162738495a6b7c8d9e0f1a2b3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pull-artifact.json", "scanning-completed.json"})
    void pulls_and_scans_are_ignored(String fixture) {
        Reading reading = read(FORMAT, "harbor/" + fixture);

        assertThat(reading.observations()).isEmpty();
        assertThat(reading.ignored()).isEqualTo(1);
    }

    @Test
    void a_resource_url_that_is_not_a_reference_is_refused_naming_its_field() {
        String body =
                text("harbor/push-artifact.json").replace("harbor.tagline.test/payments/api:1.4.2", "not a reference");

        assertThatThrownBy(() -> read(FORMAT, body.getBytes(StandardCharsets.UTF_8), Map.of()))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class,
                        e -> assertThat(e.field()).isEqualTo("event_data.resources[0].resource_url"));
    }
}
