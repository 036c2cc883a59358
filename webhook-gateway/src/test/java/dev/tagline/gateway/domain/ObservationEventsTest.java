package dev.tagline.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventType;
import dev.tagline.events.Platform;
import dev.tagline.events.Topics;
import dev.tagline.testkit.EventSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each observation becomes one CloudEvent of the contract: its topic, its per-tag key, its schema. */
class ObservationEventsTest {

    private static final RegistryRepository APP = new RegistryRepository("registry.tagline.test", "team-a/app");
    private static final String DIGEST = "sha256:" + "ab".repeat(32);
    private static final Provenance PROVENANCE =
            new Provenance("evt-1", "evt-1", Instant.parse("2025-11-23T09:00:00Z"), "ci");

    @Test
    void a_push_is_a_tag_change_keyed_by_the_tag() {
        OutgoingEvent event = new TagPushed(
                        PROVENANCE,
                        APP,
                        "v1",
                        DIGEST,
                        "application/vnd.oci.image.index.v1+json",
                        506L,
                        List.of(new Platform("sha256:" + "cd".repeat(32), "linux", "arm64", "v8")),
                        null)
                .toEvent("ci-src");

        assertThat(event.topic()).isEqualTo(Topics.REGISTRY_TAG_EVENTS);
        assertThat(event.key()).isEqualTo("registry.tagline.test/team-a/app:v1");
        assertThat(event.headers())
                .isEqualTo(new CloudEventHeaders(
                        "evt-1",
                        "/webhooks/ci-src",
                        EventType.REGISTRY_TAG_CHANGED,
                        "registry.tagline.test/team-a/app:v1",
                        PROVENANCE.observedAt()));
        assertThat(EventSchemas.violations(EventType.REGISTRY_TAG_CHANGED, json(event)))
                .isEmpty();
        assertThat(json(event)).contains("\"kind\":\"webhook\"", "\"source\":\"ci-src\"", "\"variant\":\"v8\"");
    }

    @Test
    void a_manifest_delete_is_keyed_by_the_repository_and_a_tag_delete_by_the_tag() {
        OutgoingEvent manifest = new TagDeleted(PROVENANCE, APP, null, DIGEST).toEvent("ci-src");
        OutgoingEvent tag = new TagDeleted(PROVENANCE, APP, "v1", null).toEvent("ci-src");

        assertThat(manifest.key()).isEqualTo("registry.tagline.test/team-a/app");
        assertThat(tag.key()).isEqualTo("registry.tagline.test/team-a/app:v1");
        assertThat(manifest.type()).isEqualTo(EventType.REGISTRY_TAG_DELETED);
        assertThat(EventSchemas.violations(EventType.REGISTRY_TAG_DELETED, json(manifest)))
                .isEmpty();
        assertThat(EventSchemas.violations(EventType.REGISTRY_TAG_DELETED, json(tag)))
                .isEmpty();
    }

    @Test
    void a_named_tag_is_an_import_request_on_its_own_topic() {
        OutgoingEvent event = new TagNamed(PROVENANCE, APP, "v1").toEvent("quay");

        assertThat(event.topic()).isEqualTo(Topics.IMPORT_REQUESTS);
        assertThat(event.key()).isEqualTo("registry.tagline.test/team-a/app:v1");
        assertThat(EventSchemas.violations(EventType.IMPORT_REQUESTED, json(event)))
                .isEmpty();
    }

    @Test
    void derived_ids_are_stable_and_tell_their_parts_apart() {
        assertThat(EventIds.derived("a", "bc")).isEqualTo(EventIds.derived("a", "bc"));
        assertThat(EventIds.derived("a", "bc")).isNotEqualTo(EventIds.derived("ab", "c"));
        assertThat(EventIds.derived("a", null)).isNotEqualTo(EventIds.derived(null, "a"));
        assertThat(EventIds.unique()).isNotEqualTo(EventIds.unique());
    }

    private static String json(OutgoingEvent event) {
        return new String(event.data(), StandardCharsets.UTF_8);
    }
}
