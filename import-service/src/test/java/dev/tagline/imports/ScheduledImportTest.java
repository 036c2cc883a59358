package dev.tagline.imports;

import static dev.tagline.imports.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventType;
import dev.tagline.events.ImageStreamTagDeleted;
import dev.tagline.events.ImageStreamTagSpecChanged;
import dev.tagline.events.ImportFailureReason;
import dev.tagline.events.Origin;
import dev.tagline.events.Platform;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.events.RegistryTagImportFailed;
import dev.tagline.events.StreamTagRef;
import dev.tagline.events.Topics;
import dev.tagline.testkit.DistributionRegistry;
import dev.tagline.testkit.KafkaTestClients;
import dev.tagline.testkit.OciImages;
import dev.tagline.testkit.Skopeo;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scheduled imports against the real Distribution registry (no notifications configured), fed by spec changes on
 * the real broker, with a one-second test interval. Requests are counted from the registry's own access log.
 */
@QuarkusTest
class ScheduledImportTest {

    private static DistributionRegistry registry;
    private final ImportsDatabase database = ImportsDatabase.ofApp();

    @BeforeAll
    static void startRegistry() {
        registry = DistributionRegistry.start();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void a_scheduled_tag_whose_image_is_re_pushed_is_imported_again() {
        String repository = unique("team-a") + "/app";
        String source = registry.host() + "/" + repository + ":v1";
        OciImages.LayoutImage first = TestData.image();
        Skopeo.push(first, source);

        SpecTags.followScheduled(new StreamTagRef(unique("team"), "app", "v1"), source);
        assertThat(RegistryEvents.changed(source, Origin.Kind.SCHEDULED_IMPORT, 1))
                .extracting(RegistryTagChanged::digest)
                .containsExactly(first.digest());

        OciImages.LayoutImage second = TestData.image();
        Skopeo.push(second, source);
        assertThat(RegistryEvents.changed(source, Origin.Kind.SCHEDULED_IMPORT, 2))
                .extracting(RegistryTagChanged::digest)
                .containsExactly(first.digest(), second.digest());
    }

    @Test
    void an_unchanged_tag_is_checked_with_head_requests_only_and_publishes_nothing_more() {
        String repository = unique("team-a") + "/app";
        String source = registry.host() + "/" + repository + ":v1";
        Skopeo.push(TestData.image(), source);

        SpecTags.followScheduled(new StreamTagRef(unique("team"), "app", "v1"), source);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> RegistryLog.manifestRequests(registry.logFile(), "HEAD", repository) >= 4);

        assertThat(RegistryLog.manifestRequests(registry.logFile(), "GET", repository))
                .isZero();
        assertThat(RegistryEvents.changed(source, Origin.Kind.SCHEDULED_IMPORT, 1))
                .hasSize(1);
    }

    @Test
    void a_multi_arch_index_records_its_platforms() {
        String repository = unique("team-a") + "/multi";
        String source = registry.host() + "/" + repository + ":v1";
        OciImages.LayoutImage index = TestData.index();
        Skopeo.push(index, source);

        SpecTags.followScheduled(new StreamTagRef(unique("team"), "multi", "v1"), source);

        RegistryTagChanged changed =
                RegistryEvents.changed(source, Origin.Kind.SCHEDULED_IMPORT, 1).get(0);
        assertThat(changed.digest()).isEqualTo(index.digest());
        assertThat(changed.mediaType()).isEqualTo(OciImages.OCI_INDEX);
        assertThat(changed.platforms())
                .containsExactly(
                        new Platform(index.childDigests().get(0), "linux", "amd64", null),
                        new Platform(index.childDigests().get(1), "linux", "arm64", "v8"));
    }

    @Test
    void an_oci_manifest_and_a_docker_v2_manifest_both_give_the_digest_the_registry_reports() {
        String repository = unique("team-a") + "/app";
        String oci = registry.host() + "/" + repository + ":oci";
        String docker = registry.host() + "/" + repository + ":docker";
        Skopeo.push(TestData.image(), oci, Skopeo.Format.OCI, null);
        Skopeo.push(TestData.image(), docker, Skopeo.Format.DOCKER_V2, null);

        SpecTags.followScheduled(new StreamTagRef(unique("team"), "app", "oci"), oci);
        SpecTags.followScheduled(new StreamTagRef(unique("team"), "app", "docker"), docker);

        RegistryTagChanged ociChange =
                RegistryEvents.changed(oci, Origin.Kind.SCHEDULED_IMPORT, 1).get(0);
        RegistryTagChanged dockerChange =
                RegistryEvents.changed(docker, Origin.Kind.SCHEDULED_IMPORT, 1).get(0);
        assertThat(ociChange.digest())
                .isEqualTo(registry.digestOf(repository, "oci").orElseThrow());
        assertThat(ociChange.mediaType()).isEqualTo(OciImages.OCI_MANIFEST);
        assertThat(dockerChange.digest())
                .isEqualTo(registry.digestOf(repository, "docker").orElseThrow());
        assertThat(dockerChange.mediaType()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
    }

    @Test
    void stream_tags_following_one_source_share_one_scheduled_check() {
        String repository = unique("team-a") + "/app";
        String source = registry.host() + "/" + repository + ":v1";
        Skopeo.push(TestData.image(), source);

        SpecTags.followScheduled(new StreamTagRef(unique("team"), "app", "v1"), source);
        SpecTags.followScheduled(new StreamTagRef(unique("team"), "other", "prod"), source);

        await().atMost(Duration.ofSeconds(20)).until(() -> database.followersOf(source) == 2);
        assertThat(database.scheduledSources(source)).isEqualTo(1);
        assertThat(RegistryEvents.changed(source, Origin.Kind.SCHEDULED_IMPORT, 1))
                .hasSize(1);
    }

    @Test
    void removing_the_last_following_spec_unschedules_the_source() {
        String repository = unique("team-a") + "/app";
        String source = registry.host() + "/" + repository + ":v1";
        Skopeo.push(TestData.image(), source);
        StreamTagRef first = new StreamTagRef(unique("team"), "app", "v1");
        StreamTagRef second = new StreamTagRef(unique("team"), "app", "v1");
        SpecTags.followScheduled(first, source);
        SpecTags.followScheduled(second, source);
        await().atMost(Duration.ofSeconds(20)).until(() -> database.followersOf(source) == 2);

        SpecTags.remove(first, source);
        await().atMost(Duration.ofSeconds(20)).until(() -> database.followersOf(source) == 1);
        assertThat(database.scheduledSources(source)).isEqualTo(1);

        SpecTags.remove(second, source);
        await().atMost(Duration.ofSeconds(20)).until(() -> database.scheduledSources(source) == 0);
        long heads = RegistryLog.manifestRequests(registry.logFile(), "HEAD", repository);
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> RegistryLog.manifestRequests(registry.logFile(), "HEAD", repository) == heads);
    }

    @Test
    void a_failing_source_publishes_import_failed_once_per_change_of_state() {
        String repository = unique("team-a") + "/app";
        String source = registry.host() + "/" + repository + ":v1";

        SpecTags.followScheduled(new StreamTagRef(unique("team"), "app", "v1"), source);
        await().atMost(Duration.ofSeconds(30)).until(() -> database.consecutiveFailures(source) >= 3);
        List<RegistryTagImportFailed> failures = RegistryEvents.failed(source, 1);
        assertThat(failures).extracting(RegistryTagImportFailed::reason).containsExactly(ImportFailureReason.NOT_FOUND);
        assertThat(failures.get(0).origin().kind()).isEqualTo(Origin.Kind.SCHEDULED_IMPORT);

        OciImages.LayoutImage image = TestData.image();
        Skopeo.push(image, source);
        assertThat(RegistryEvents.changed(source, Origin.Kind.SCHEDULED_IMPORT, 1))
                .extracting(RegistryTagChanged::digest)
                .containsExactly(image.digest());
        assertThat(database.consecutiveFailures(source)).isZero();
    }

    @Test
    void a_redelivered_spec_change_is_applied_once() {
        String repository = unique("team-a") + "/app";
        String source = registry.host() + "/" + repository + ":v1";
        StreamTagRef streamTag = new StreamTagRef(unique("team"), "app", "v1");
        String createdId = KafkaTestClients.newEventId();
        ImageStreamTagSpecChanged created =
                SpecTags.specChanged(streamTag, ImageStreamTagSpecChanged.Change.CREATED, source, true);
        SpecTags.publish(createdId, created);
        await().atMost(Duration.ofSeconds(20)).until(() -> database.followersOf(source) == 1);
        SpecTags.remove(streamTag, source);
        await().atMost(Duration.ofSeconds(20)).until(() -> database.scheduledSources(source) == 0);

        SpecTags.publish(createdId, created);
        String marker = registry.host() + "/" + unique("team-a") + "/marker:v1";
        SpecTags.followScheduled(new StreamTagRef(streamTag.namespace(), "marker", "v1"), marker);
        await().atMost(Duration.ofSeconds(20)).until(() -> database.followersOf(marker) == 1);
        assertThat(database.scheduledSources(source)).isZero();
    }

    @Test
    void other_event_types_are_skipped_and_malformed_spec_changes_are_dead_lettered() {
        String namespace = unique("team");
        String key = namespace + "/app:v1";
        KafkaTestClients.publishRaw(
                Topics.IMAGESTREAM_TAG_EVENTS,
                key,
                new CloudEventHeaders(
                                KafkaTestClients.newEventId(),
                                "/tests",
                                EventType.IMAGESTREAM_TAG_SPEC_CHANGED,
                                key,
                                Instant.now())
                        .toHeaders(),
                "{\"namespace\":\"" + namespace + "\",\"imageStream\":\"app\"}");
        KafkaTestClients.publish(
                EventType.IMAGESTREAM_TAG_DELETED,
                KafkaTestClients.newEventId(),
                key,
                new ImageStreamTagDeleted(
                        namespace, "app", "v1", ImageStreamTagDeleted.Reason.REMOVED, null, Instant.now()));
        String source = registry.host() + "/" + unique("team-a") + "/app:v1";
        SpecTags.followScheduled(new StreamTagRef(namespace, "app", "v1"), source);

        await().atMost(Duration.ofSeconds(20)).until(() -> database.followersOf(source) == 1);
        List<KafkaTestClients.Consumed> deadLetters = KafkaTestClients.read(
                Topics.deadLetter(Topics.IMAGESTREAM_TAG_EVENTS),
                record -> key.equals(record.key()),
                1,
                Duration.ofSeconds(1),
                Duration.ofSeconds(20));
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.get(0).headers().get("dead-letter-reason")).contains("tag");
    }
}
