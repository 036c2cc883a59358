package dev.tagline.gateway.registry;

import static dev.tagline.gateway.registry.Webhooks.read;
import static dev.tagline.gateway.registry.Webhooks.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagline.gateway.domain.InvalidPayloadException;
import dev.tagline.gateway.domain.Provenance;
import dev.tagline.gateway.domain.Reading;
import dev.tagline.gateway.domain.RegistryRepository;
import dev.tagline.gateway.domain.TagDeleted;
import dev.tagline.gateway.domain.TagPushed;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads notifications captured from the real Distribution registry (Debian's docker-registry 2.8) while skopeo
 * pushed, re-tagged, pulled and deleted images built on disk.
 */
class DistributionNotificationsTest {

    private static final DistributionNotifications FORMAT = new DistributionNotifications();
    private static final RegistryRepository APP = new RegistryRepository("127.0.0.1:33461", "team-a/app");
    private static final String FIRST = "sha256:70161e4c35f02887cde241068a70a5a1e814b4577b1f0a29e6bc1334405bbc2a";
    private static final String SECOND = "sha256:402af475854fa54cd78be7315949eda070fe650c33b202834dab98fd484b70d1";
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    @Test
    void a_tagged_manifest_push_changes_that_tag() {
        Reading reading = read(FORMAT, "distribution/push-manifest.json");

        assertThat(reading.ignored()).isZero();
        assertThat(reading.observations())
                .containsExactly(new TagPushed(
                        new Provenance(
                                "9abea3dd-d416-4cb3-948f-3a797873726d",
                                "9abea3dd-d416-4cb3-948f-3a797873726d",
                                Instant.parse("2026-11-23T11:01:05.366409821Z"),
                                null),
                        APP,
                        "v1",
                        FIRST,
                        OCI_MANIFEST,
                        400L,
                        List.of(),
                        URI.create("http://127.0.0.1:33461/v2/team-a/app/manifests/" + FIRST)));
    }

    @Test
    void the_same_manifest_pushed_under_another_tag_changes_that_tag() {
        TagPushed push = (TagPushed) read(FORMAT, "distribution/push-same-manifest-new-tag.json")
                .observations()
                .get(0);

        assertThat(push.tag()).isEqualTo("v2");
        assertThat(push.digest()).isEqualTo(FIRST);
    }

    @Test
    void a_new_manifest_pushed_to_a_tag_moves_the_tag() {
        TagPushed push = (TagPushed) read(FORMAT, "distribution/push-new-manifest-same-tag.json")
                .observations()
                .get(0);

        assertThat(push.repository()).isEqualTo(APP);
        assertThat(push.tag()).isEqualTo("v1");
        assertThat(push.digest()).isEqualTo(SECOND);
    }

    @Test
    void a_docker_schema_2_push_keeps_its_media_type() {
        TagPushed push = (TagPushed) read(FORMAT, "distribution/push-docker-manifest.json")
                .observations()
                .get(0);

        assertThat(push.mediaType()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
    }

    @Test
    void an_index_push_changes_its_tag_and_needs_its_platforms_read_from_the_registry() {
        TagPushed push = (TagPushed)
                read(FORMAT, "distribution/push-index.json").observations().get(0);

        assertThat(push.repository()).isEqualTo(new RegistryRepository("127.0.0.1:33461", "team-a/multi"));
        assertThat(push.tag()).isEqualTo("v1");
        assertThat(push.mediaType()).isEqualTo("application/vnd.oci.image.index.v1+json");
        assertThat(push.lacksPlatforms()).isTrue();
        assertThat(push.manifestUrl()).hasToString("http://127.0.0.1:33461/v2/team-a/multi/manifests/" + push.digest());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "push-index-child.json",
                "push-blob.json",
                "pull-blob.json",
                "pull-manifest.json",
                "mount-blob.json"
            })
    void children_of_an_index_blobs_pulls_and_mounts_are_ignored(String fixture) {
        Reading reading = read(FORMAT, "distribution/" + fixture);

        assertThat(reading.observations()).isEmpty();
        assertThat(reading.ignored()).isEqualTo(1);
    }

    @Test
    void deleting_a_manifest_names_its_digest_and_then_each_tag_that_pointed_at_it() {
        TagDeleted manifest = (TagDeleted)
                read(FORMAT, "distribution/delete-manifest.json").observations().get(0);
        TagDeleted tag = (TagDeleted)
                read(FORMAT, "distribution/delete-tag.json").observations().get(0);

        assertThat(manifest.repository()).isEqualTo(APP);
        assertThat(manifest.tag()).isNull();
        assertThat(manifest.digest()).isEqualTo(FIRST);
        assertThat(tag.repository()).isEqualTo(APP);
        assertThat(tag.tag()).isEqualTo("v2");
        assertThat(tag.digest()).isNull();
        assertThat(tag.provenance().eventId())
                .isNotEqualTo(manifest.provenance().eventId());
    }

    @Test
    void a_configured_registry_replaces_the_host_the_notification_reports() {
        TagPushed push = (TagPushed)
                Webhooks.readWithRegistry(FORMAT, "distribution/push-manifest.json", "registry.tagline.test", null)
                        .observations()
                        .get(0);

        assertThat(push.repository()).isEqualTo(new RegistryRepository("registry.tagline.test", "team-a/app"));
    }

    @Test
    void a_configured_registry_url_is_where_index_manifests_are_read() {
        TagPushed push = (TagPushed) Webhooks.readWithRegistry(
                        FORMAT, "distribution/push-index.json", null, URI.create("https://mirror.tagline.test/"))
                .observations()
                .get(0);

        assertThat(push.manifestUrl())
                .hasToString("https://mirror.tagline.test/v2/team-a/multi/manifests/" + push.digest());
    }

    @Test
    void a_url_that_is_not_the_manifest_s_own_is_never_read() {
        String body = text("distribution/push-index.json").replace("/v2/team-a/multi/manifests/", "/internal/admin/");
        TagPushed push =
                (TagPushed) read(FORMAT, utf8(body), Map.of()).observations().get(0);

        assertThat(push.manifestUrl()).isNull();
        assertThat(push.lacksPlatforms()).isFalse();
    }

    @Test
    void a_malformed_digest_is_refused_naming_its_field() {
        String body = text("distribution/push-manifest.json").replace(FIRST, "sha256:70161E4C");

        assertThatThrownBy(() -> read(FORMAT, utf8(body), Map.of()))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class,
                        e -> assertThat(e.field()).isEqualTo("events[0].target.digest"));
    }

    @Test
    void one_bad_event_refuses_the_whole_envelope() {
        String good = events(text("distribution/push-manifest.json"));
        String bad =
                events(text("distribution/push-new-manifest-same-tag.json")).replace("team-a/app", "Team-A/app");
        byte[] body = utf8("{\"events\":[" + good + "," + bad + "]}");

        assertThatThrownBy(() -> read(FORMAT, body, Map.of()))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class,
                        e -> assertThat(e.field()).isEqualTo("events[1].target.repository"));
    }

    @Test
    void a_delete_naming_neither_tag_nor_digest_is_refused() {
        String body = text("distribution/delete-manifest.json").replace("\"digest\": \"" + FIRST + "\",", "");

        assertThatThrownBy(() -> read(FORMAT, utf8(body), Map.of()))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class,
                        e -> assertThat(e.field()).isEqualTo("events[0].target"));
    }

    @Test
    void a_body_without_events_is_refused() {
        assertThatThrownBy(() -> read(FORMAT, utf8("{\"event\":[]}"), Map.of()))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class,
                        e -> assertThat(e.field()).isEqualTo("events"));
        assertThatThrownBy(() -> read(FORMAT, utf8("{\"events\":"), Map.of()))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class,
                        e -> assertThat(e.field()).isEqualTo("body"));
    }

    /** The single event of a captured envelope, as JSON text. */
    private static String events(String envelope) {
        String inner = envelope.substring(envelope.indexOf('[') + 1, envelope.lastIndexOf(']'));
        return inner.trim();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
