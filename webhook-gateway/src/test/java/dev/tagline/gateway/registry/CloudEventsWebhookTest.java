package dev.tagline.gateway.registry;

import static dev.tagline.gateway.registry.Webhooks.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagline.events.Platform;
import dev.tagline.gateway.domain.InvalidPayloadException;
import dev.tagline.gateway.domain.Reading;
import dev.tagline.gateway.domain.RegistryRepository;
import dev.tagline.gateway.domain.TagDeleted;
import dev.tagline.gateway.domain.TagNamed;
import dev.tagline.gateway.domain.TagPushed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads generic CloudEvents in structured, batched and binary mode. */
class CloudEventsWebhookTest {

    private static final CloudEventsWebhook FORMAT = new CloudEventsWebhook();
    private static final RegistryRepository FRONTEND = new RegistryRepository("registry.tagline.test", "web/frontend");
    private static final Map<String, String> BINARY_HEADERS = Map.of(
            "ce-specversion", "1.0",
            "ce-id", "build-7760-push",
            "ce-source", "https://ci.tagline.test/pipelines/frontend",
            "ce-type", "test.tagline.ci.image.pushed",
            "ce-time", "2025-11-23T12:30:00Z");

    @Test
    void a_structured_push_changes_the_tag_and_keeps_the_event_id() {
        TagPushed push = (TagPushed)
                structured("cloudevents/structured-push.json").observations().get(0);

        assertThat(push.repository()).isEqualTo(FRONTEND);
        assertThat(push.tag()).isEqualTo("4.2.0");
        assertThat(push.digest()).isEqualTo("sha256:7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e");
        assertThat(push.mediaType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(push.size()).isEqualTo(1203L);
        assertThat(push.provenance().eventId()).isEqualTo("build-7731-push");
        assertThat(push.provenance().actor()).isEqualTo("ci-frontend");
        assertThat(push.provenance().observedAt()).isEqualTo(Instant.parse("2025-11-23T09:45:00Z"));
    }

    @Test
    void a_reference_pinning_another_digest_moves_the_tag() {
        TagPushed moved = (TagPushed) structured("cloudevents/structured-push-moved.json")
                .observations()
                .get(0);

        assertThat(moved.tag()).isEqualTo("4.2.0");
        assertThat(moved.digest()).isEqualTo("sha256:c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3");
    }

    @Test
    void an_index_push_carries_the_platforms_it_lists() {
        TagPushed push = (TagPushed) structured("cloudevents/structured-push-index.json")
                .observations()
                .get(0);

        assertThat(push.platforms())
                .containsExactly(
                        new Platform(
                                "sha256:e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5",
                                "linux",
                                "amd64",
                                null),
                        new Platform(
                                "sha256:f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6",
                                "linux",
                                "arm64",
                                "v8"));
        assertThat(push.lacksPlatforms()).isFalse();
    }

    @Test
    void a_push_without_a_digest_requests_an_import() {
        TagNamed named = (TagNamed) structured("cloudevents/structured-push-without-digest.json")
                .observations()
                .get(0);

        assertThat(named.repository()).isEqualTo(new RegistryRepository("docker.io", "library/postgres"));
        assertThat(named.tag()).isEqualTo("17");
    }

    @Test
    void a_batch_deletes_a_tag_and_a_manifest() {
        Reading reading = FORMAT.read(Webhooks.delivery(
                Webhooks.request(fixture("cloudevents/batch.json"), CloudEventsWebhook.BATCH, Map.of())));

        TagDeleted tag = (TagDeleted) reading.observations().get(0);
        TagDeleted manifest = (TagDeleted) reading.observations().get(1);
        assertThat(tag.tag()).isEqualTo("4.0.0");
        assertThat(tag.digest()).isNull();
        assertThat(manifest.tag()).isNull();
        assertThat(manifest.digest())
                .isEqualTo("sha256:7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e");
        assertThat(reading.observations())
                .extracting(o -> o.provenance().eventId())
                .containsExactly("gc-run-19-1", "gc-run-19-2");
    }

    @Test
    void a_binary_event_takes_its_attributes_from_the_headers() {
        TagPushed push = (TagPushed) binary(BINARY_HEADERS).observations().get(0);

        assertThat(push.tag()).isEqualTo("4.2.1");
        assertThat(push.provenance().eventId()).isEqualTo("build-7760-push");
        assertThat(push.provenance().observedAt()).isEqualTo(Instant.parse("2025-11-23T12:30:00Z"));
    }

    @Test
    void a_binary_event_without_an_id_is_refused_naming_the_header() {
        Map<String, String> headers = new java.util.HashMap<>(BINARY_HEADERS);
        headers.remove("ce-id");

        assertThatThrownBy(() -> binary(headers))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class,
                        e -> assertThat(e.field()).isEqualTo("ce-id"));
    }

    @Test
    void a_digest_that_contradicts_the_reference_is_refused() {
        String body = Webhooks.text("cloudevents/structured-push-moved.json")
                .replace(
                        "\"actor\"",
                        "\"digest\": \"sha256:7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e\", \"actor\"");

        assertThatThrownBy(() -> FORMAT.read(Webhooks.delivery(Webhooks.request(
                        body.getBytes(StandardCharsets.UTF_8), CloudEventsWebhook.STRUCTURED, Map.of()))))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class,
                        e -> assertThat(e.field()).isEqualTo("data.digest"));
    }

    @Test
    void another_spec_version_is_refused() {
        String body = Webhooks.text("cloudevents/structured-push.json").replace("\"1.0\"", "\"0.3\"");

        assertThatThrownBy(() -> FORMAT.read(Webhooks.delivery(Webhooks.request(
                        body.getBytes(StandardCharsets.UTF_8), CloudEventsWebhook.STRUCTURED, Map.of()))))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class,
                        e -> assertThat(e.field()).isEqualTo("specversion"));
    }

    private static Reading structured(String fixture) {
        return FORMAT.read(
                Webhooks.delivery(Webhooks.request(fixture(fixture), CloudEventsWebhook.STRUCTURED, Map.of())));
    }

    private static Reading binary(Map<String, String> headers) {
        return FORMAT.read(Webhooks.delivery(
                Webhooks.request(fixture("cloudevents/binary-data.json"), "application/json", headers)));
    }
}
