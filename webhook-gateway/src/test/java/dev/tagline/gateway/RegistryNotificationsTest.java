package dev.tagline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.Platform;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.events.RegistryTagDeleted;
import dev.tagline.events.Topics;
import dev.tagline.testkit.DistributionRegistry;
import dev.tagline.testkit.KafkaTestClients.Consumed;
import dev.tagline.testkit.OciImages;
import dev.tagline.testkit.Skopeo;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Distribution registry (Debian's docker-registry) notifies the running gateway, with a Bearer token in
 * its configured headers, while skopeo pushes and deletes images built on disk; a plain consumer reads what
 * reached Kafka and compares digests with what the registry serves.
 */
@QuarkusTest
@TestProfile(TestSources.class)
class RegistryNotificationsTest {

    /** Long enough that a busy test machine does not make the registry resend, so each event arrives once. */
    private static final Duration NOTIFICATION_TIMEOUT = Duration.ofSeconds(15);

    private static DistributionRegistry registry;

    @TempDir
    Path layouts;

    @TestHTTPResource("/webhooks/registry")
    URL gateway;

    /** One registry for the class, started once the gateway's address is known. */
    @BeforeEach
    void startRegistry() {
        if (registry == null) {
            registry = DistributionRegistry.start(
                    new DistributionRegistry.Notifications(
                            gateway.toString(),
                            Map.of("Authorization", "Bearer " + TestSources.REGISTRY_TOKEN),
                            NOTIFICATION_TIMEOUT,
                            Duration.ofMillis(500)),
                    null);
        }
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }

    @Test
    void a_push_then_a_push_of_another_image_to_the_same_tag_are_two_changes_with_the_registry_s_digests() {
        String repository = Fixtures.unique("reg") + "/app";
        OciImages.LayoutImage first =
                OciImages.image(layouts.resolve("first"), OciImages.Platform.LINUX_AMD64, "first");
        OciImages.LayoutImage second =
                OciImages.image(layouts.resolve("second"), OciImages.Platform.LINUX_AMD64, "second");

        Skopeo.push(first, registry.host() + "/" + repository + ":v1");
        String firstDigest = registry.digestOf(repository, "v1").orElseThrow();
        assertThat(changes(events(repository, 1)))
                .extracting(RegistryTagChanged::digest)
                .containsExactly(firstDigest);

        Skopeo.push(second, registry.host() + "/" + repository + ":v1");
        String secondDigest = registry.digestOf(repository, "v1").orElseThrow();

        List<RegistryTagChanged> changes = changes(events(repository, 2));
        assertThat(changes).extracting(RegistryTagChanged::digest).containsExactly(firstDigest, secondDigest);
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.registry()).isEqualTo(registry.host());
            assertThat(change.repository()).isEqualTo(repository);
            assertThat(change.tag()).isEqualTo("v1");
            assertThat(change.mediaType()).isEqualTo(OciImages.OCI_MANIFEST);
            assertThat(change.platforms()).isEmpty();
            assertThat(change.origin().source()).isEqualTo("registry");
        });
    }

    @Test
    void a_multi_arch_index_is_one_change_with_its_platforms_and_its_children_are_not_changes() {
        String repository = Fixtures.unique("reg") + "/multi";
        OciImages.LayoutImage index = OciImages.index(
                layouts.resolve("index"),
                List.of(OciImages.Platform.LINUX_AMD64, OciImages.Platform.LINUX_ARM64),
                "index");

        Skopeo.push(index, registry.host() + "/" + repository + ":2.0");

        List<RegistryTagChanged> changes = changes(events(repository, 1));
        assertThat(changes).hasSize(1);
        RegistryTagChanged change = changes.get(0);
        assertThat(change.digest())
                .isEqualTo(registry.digestOf(repository, "2.0").orElseThrow());
        assertThat(change.mediaType()).isEqualTo(OciImages.OCI_INDEX);
        assertThat(change.platforms())
                .containsExactly(
                        new Platform(index.childDigests().get(0), "linux", "amd64", null),
                        new Platform(index.childDigests().get(1), "linux", "arm64", "v8"));
    }

    @Test
    void deleting_a_manifest_deletes_its_digest_and_then_each_of_its_tags() {
        String repository = Fixtures.unique("reg") + "/app";
        OciImages.LayoutImage image =
                OciImages.image(layouts.resolve("doomed"), OciImages.Platform.LINUX_AMD64, "doomed");
        Skopeo.push(image, registry.host() + "/" + repository + ":v1");
        Skopeo.push(image, registry.host() + "/" + repository + ":stable");
        String digest = registry.digestOf(repository, "v1").orElseThrow();
        assertThat(changes(events(repository, 2)))
                .extracting(RegistryTagChanged::tag, RegistryTagChanged::digest)
                .containsExactlyInAnyOrder(tuple("v1", digest), tuple("stable", digest));

        Skopeo.delete(registry.host() + "/" + repository + "@" + digest);

        List<Consumed> events = events(repository, 5);
        assertThat(changes(events)).hasSize(2);
        assertThat(events.stream()
                        .filter(event -> isA(event, EventType.REGISTRY_TAG_DELETED))
                        .map(event -> EventJson.read(event.value(), RegistryTagDeleted.class)))
                .extracting(RegistryTagDeleted::tag, RegistryTagDeleted::digest)
                .containsExactlyInAnyOrder(tuple(null, digest), tuple("v1", null), tuple("stable", null));
        assertThat(registry.digestOf(repository, "v1")).isEmpty();
    }

    /** The changes among the events, in the order the registry reported them. */
    private static List<RegistryTagChanged> changes(List<Consumed> events) {
        return events.stream()
                .filter(event -> isA(event, EventType.REGISTRY_TAG_CHANGED))
                .map(event -> EventJson.read(event.value(), RegistryTagChanged.class))
                .toList();
    }

    /**
     * Every event about the repository: exactly {@code expected} of them (blobs, pulls and an index's children make
     * none), each with an id of its own.
     */
    private static List<Consumed> events(String repository, int expected) {
        List<Consumed> events = Published.about(Topics.REGISTRY_TAG_EVENTS, repository, expected);
        assertThat(events).hasSize(expected);
        assertThat(events)
                .extracting(event -> event.headers().get(CloudEventHeaders.ID))
                .doesNotHaveDuplicates();
        return events;
    }

    private static boolean isA(Consumed event, EventType type) {
        return type.type().equals(event.headers().get(CloudEventHeaders.TYPE));
    }
}
