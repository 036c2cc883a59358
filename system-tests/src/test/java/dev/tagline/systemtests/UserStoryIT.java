package dev.tagline.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventType;
import dev.tagline.events.Topics;
import dev.tagline.testkit.Directories;
import dev.tagline.testkit.DistributionRegistry;
import dev.tagline.testkit.EventSchemas;
import dev.tagline.testkit.KafkaCluster;
import dev.tagline.testkit.OciImages;
import dev.tagline.testkit.PostgresServer;
import dev.tagline.testkit.Skopeo;
import dev.tagline.testkit.StandardWebhooks;
import dev.tagline.testkit.TaglineStack;
import dev.tagline.testkit.TaglineStack.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The story a user lives, end to end: the four packaged services as processes, wired by {@link TaglineStack}, on the
 * real Kafka broker, Postgres and Distribution registry; images built on disk and pushed with skopeo; actions taken
 * by a webhook receiver in this test (checking signatures) and read from {@code trigger-actions} with kcat, a client
 * outside the JVM, as another team's consumer would. The steps build on each other, so they run in order on one
 * stack, and each waits for what it expects rather than for time to pass.
 *
 * <p>Step 6 needs a repository whose registry sends no notifications. Distribution 2.8 cannot turn notifications off
 * for one repository, so that repository lives on a second registry started without notifications.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UserStoryIT {

    private static final String NAMESPACE = "team-a";
    private static final Duration DELIVERY = Duration.ofSeconds(60);
    // Each look at Kafka starts a kcat process that reads a whole topic: not ten times a second.
    private static final Duration POLL = Duration.ofMillis(300);
    private static final String TRIGGER_SOURCE = "/tagline/trigger-service";

    private static Path workDirectory;
    private static KafkaCluster kafka;
    private static TaglineStack stack;
    private static DistributionRegistry registry;
    private static DistributionRegistry quietRegistry;
    private static WebhookReceiver receiver;
    private static TaglineApi api;
    private static final Latencies LATENCIES = new Latencies();
    /** Every digest this run pushed: records of earlier runs on a reused broker never match. */
    private static final Set<String> PUSHED = ConcurrentHashMap.newKeySet();

    private static final String DEPLOY_SECRET = StandardWebhooks.newSecret();
    private static final String BUILD_SECRET = StandardWebhooks.newSecret();
    private static OciImages.LayoutImage image1;
    private static OciImages.LayoutImage image2;
    private static OciImages.LayoutImage image3;

    @BeforeAll
    static void startTheStack() throws IOException {
        Kcat.requireInstalled();
        Path root = Path.of(System.getProperty("tagline.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path state =
                Path.of(System.getProperty("tagline.state.dir", "target/stack")).toAbsolutePath();
        Directories.deleteRecursively(state);
        workDirectory = Files.createDirectories(state.resolve("images"));
        receiver = WebhookReceiver.start();
        kafka = KafkaCluster.shared();
        stack = TaglineStack.start(TaglineStack.Options.forTests(root, state), kafka, PostgresServer.shared());
        registry = stack.registry().orElseThrow();
        quietRegistry = DistributionRegistry.start();
        api = new TaglineApi(stack.adminToken());
        image1 = image("image-1");
        image2 = image("image-2");
        image3 = image("image-3");
    }

    @AfterAll
    static void stopTheStack() {
        Stream.<AutoCloseable>of(stack, quietRegistry, receiver)
                .filter(Objects::nonNull)
                .forEach(UserStoryIT::closeQuietly);
    }

    @Test
    @Order(1)
    void step1_a_stream_tag_follows_a_registry_tag() {
        api.post(tags("/imagestreams"), """
                {"name":"app","tags":[{"name":"prod","from":{"kind":"DockerImage","name":"%s"}}]}""".formatted(appProd()), 201);

        JsonNode tag = api.get(tags("/imagestreamtags/app:prod"));
        assertThat(tag.at("/tag/from/name").asText()).isEqualTo(appProd());
        assertThat(tag.path("history")).isEmpty();
    }

    @Test
    @Order(2)
    void step2_a_deploy_trigger_follows_the_stream_tag_with_a_signed_webhook() {
        api.post(triggers("/triggers"), """
                {"name":"web","kind":"deploy","from":{"kind":"ImageStreamTag","namespace":"%s","name":"app:prod"},
                 "params":{"deployment":"web","containers":["app"]},
                 "webhook":{"url":"%s","secret":"%s"}}""".formatted(NAMESPACE, receiver.url("/deploy"), DEPLOY_SECRET), 201);

        JsonNode trigger = api.get(triggers("/triggers/web"));
        assertThat(trigger.at("/webhook/url").asText()).isEqualTo(receiver.url("/deploy"));
        assertThat(trigger.at("/webhook/secret").isMissingNode())
                .as("the secret is write-only")
                .isTrue();
    }

    @Test
    @Order(3)
    void step3_pushing_image_1_requests_one_signed_deploy_on_the_webhook_and_on_kafka() {
        Instant pushed = push(image1, appProd());

        Kcat.Record action = awaitActions("web", 1).get(0);
        WebhookReceiver.Delivery delivery = awaitDeliveries("web", 1).get(0);

        assertActionFor(action, "web", EventType.TRIGGER_DEPLOY_REQUESTED, image1);
        assertThat(action.headers()).containsKeys(CloudEventHeaders.TIME);
        assertDeliveryOf(action, delivery, DEPLOY_SECRET);
        // One each so far; the later steps see every later action in order behind it, so no duplicate hides.
        assertThat(actions("web")).hasSize(1);
        assertThat(receiver.deliveriesFor("web")).hasSize(1);
        measure(
                "3. push image 1 (registry notification)",
                pushed,
                registryEventOf(appProd(), image1, 0),
                action,
                delivery);
    }

    @Test
    @Order(4)
    void step4_pushing_image_2_requests_a_second_deploy_and_pushing_it_again_requests_nothing() {
        Instant pushed = push(image2, appProd());
        Kcat.Record action = awaitActions("web", 2).get(1);
        WebhookReceiver.Delivery delivery = awaitDeliveries("web", 2).get(1);
        assertActionFor(action, "web", EventType.TRIGGER_DEPLOY_REQUESTED, image2);
        assertDeliveryOf(action, delivery, DEPLOY_SECRET);
        measure(
                "4. push image 2 (registry notification)",
                pushed,
                registryEventOf(appProd(), image2, 0),
                action,
                delivery);
        JsonNode before = api.get(tags("/imagestreamtags/app:prod"));

        push(image2, appProd());

        // The gateway published the re-push, and the tag-service applied it (its offset commit follows its commit)...
        Kcat.Record repush = registryEventOf(appProd(), image2, 1);
        await().atMost(DELIVERY)
                .pollInterval(POLL)
                .until(() -> ConsumerProgress.hasApplied(
                        kafka.bootstrapServers(),
                        "tag-service",
                        Topics.REGISTRY_TAG_EVENTS,
                        repush.partition(),
                        repush.offset()));
        // ...without a new history item, so no tag.updated left in the same transaction and nothing could fire.
        JsonNode after = api.get(tags("/imagestreamtags/app:prod"));
        assertThat(after.path("history")).isEqualTo(before.path("history"));
        assertThat(after.path("generation")).isEqualTo(before.path("generation"));
        assertThat(actions("web")).hasSize(2);
        assertThat(receiver.deliveriesFor("web")).hasSize(2);
        LATENCIES.record(Latencies.Row.nothingDelivered("4. push image 2 again (no action: same digest)"));
    }

    @Test
    @Order(5)
    void step5_rolling_back_with_hold_redeploys_image_1_and_holds_later_pushes_until_released() {
        JsonNode rolledBack = api.post(
                tags("/imagestreamtags/app:prod/rollback"),
                "{\"image\":\"%s\",\"hold\":true}".formatted(image1.digest()),
                200);
        Instant answered = Instant.now();
        assertThat(rolledBack.at("/image/digest").asText()).isEqualTo(image1.digest());
        Kcat.Record rollback = awaitActions("web", 3).get(2);
        WebhookReceiver.Delivery rollbackDelivery = awaitDeliveries("web", 3).get(2);
        assertActionFor(rollback, "web", EventType.TRIGGER_DEPLOY_REQUESTED, image1);
        assertDeliveryOf(rollback, rollbackDelivery, DEPLOY_SECRET);
        measure("5. roll back to image 1 with hold (REST)", answered, null, rollback, rollbackDelivery);

        push(image3, appProd());
        JsonNode held = await().atMost(DELIVERY)
                .pollInterval(POLL)
                .until(
                        () -> api.get(tags("/imagestreamtags/app:prod")),
                        tag -> image3.digest().equals(tag.at("/history/0/image").asText()));
        assertThat(held.at("/history/0/held").asBoolean()).isTrue();
        assertThat(held.at("/image/digest").asText())
                .as("a held tag does not move")
                .isEqualTo(image1.digest());
        assertThat(held.at("/hold/pending/image").asText())
                .as("what a release moves to")
                .isEqualTo(image3.digest());

        JsonNode released = api.post(tags("/imagestreamtags/app:prod/release"), "", 200);
        Instant releaseAnswered = Instant.now();
        assertThat(released.at("/image/digest").asText()).isEqualTo(image3.digest());
        Kcat.Record release = awaitActions("web", 4).get(3);
        WebhookReceiver.Delivery releaseDelivery = awaitDeliveries("web", 4).get(3);
        assertActionFor(release, "web", EventType.TRIGGER_DEPLOY_REQUESTED, image3);
        assertDeliveryOf(release, releaseDelivery, DEPLOY_SECRET);
        // Fired by the release's move, not by the held push.
        assertThat(release.json().at("/from/generation").asLong())
                .isEqualTo(released.path("generation").asLong());
        LATENCIES.record(Latencies.Row.nothingDelivered("5. push image 3 while held (no action until release)"));
        measure("5. release the hold: image 3 (REST)", releaseAnswered, null, release, releaseDelivery);

        // One trigger's actions share a key, hence a partition, in order: the re-push of step 4 and the held push
        // would show up between these, had they fired.
        assertThat(actions("web"))
                .extracting(action -> action.json().at("/image/digest").asText())
                .containsExactly(image1.digest(), image2.digest(), image1.digest(), image3.digest());
        assertThat(receiver.deliveriesFor("web")).hasSize(4);
    }

    @Test
    @Order(6)
    void step6_a_push_to_a_registry_without_notifications_is_found_by_the_scheduled_import() {
        String source = quietRegistry.host() + "/" + NAMESPACE + "/batch:prod";
        api.post(triggers("/triggers"), """
                {"name":"batch","kind":"build","from":{"kind":"ImageStreamTag","name":"batch:prod"},
                 "params":{"buildConfig":"batch"},"webhook":{"url":"%s","secret":"%s"}}""".formatted(receiver.url("/build"), BUILD_SECRET), 201);
        OciImages.LayoutImage first = image("batch-1");
        push(first, source);
        api.post(tags("/imagestreams"), """
                {"name":"batch","tags":[{"name":"prod","from":{"kind":"DockerImage","name":"%s"},
                  "importPolicy":{"scheduled":true,"insecure":true}}]}""".formatted(source), 201);

        Kcat.Record firstAction = awaitActions("batch", 1).get(0);
        assertActionFor(firstAction, "batch", EventType.TRIGGER_BUILD_REQUESTED, first);
        assertDeliveryOf(firstAction, awaitDeliveries("batch", 1).get(0), BUILD_SECRET);

        OciImages.LayoutImage second = image("batch-2");
        Instant pushed = push(second, source);
        Kcat.Record secondAction = awaitActions("batch", 2).get(1);
        WebhookReceiver.Delivery delivery = awaitDeliveries("batch", 2).get(1);
        assertActionFor(secondAction, "batch", EventType.TRIGGER_BUILD_REQUESTED, second);
        assertDeliveryOf(secondAction, delivery, BUILD_SECRET);
        JsonNode tag = api.get(tags("/imagestreamtags/batch:prod"));
        assertThat(tag.at("/history/0/image").asText()).isEqualTo(second.digest());
        assertThat(tag.at("/history/0/cause").asText()).isEqualTo("scheduled-import");
        measure(
                "6. push to a registry without notifications (import every 1s)",
                pushed,
                registryEventOf(source, second, 0),
                secondAction,
                delivery);
    }

    @Test
    @Order(7)
    void step7_the_latency_from_each_change_to_its_delivery_is_measured_and_printed() {
        System.out.println(LATENCIES.table());
        List<Latencies.Row> delivered =
                LATENCIES.rows().stream().filter(row -> row.started() != null).toList();
        assertThat(delivered).hasSize(5).allSatisfy(row -> {
            assertThat(row.tagUpdatedRecord()).isNotNull();
            assertThat(row.actionRecord()).isNotNull();
            assertThat(row.webhookReceived()).isNotNull();
        });
    }

    /** The action's key, CloudEvents headers and data, which must also satisfy the published JSON Schema. */
    private static void assertActionFor(
            Kcat.Record action, String trigger, EventType type, OciImages.LayoutImage image) {
        JsonNode data = action.json();
        assertThat(action.key()).isEqualTo(NAMESPACE + "/" + trigger);
        assertThat(action.headers())
                .containsEntry(CloudEventHeaders.TYPE, type.type())
                .containsEntry(CloudEventHeaders.SOURCE, TRIGGER_SOURCE)
                .containsEntry(CloudEventHeaders.SUBJECT, NAMESPACE + "/" + trigger)
                .containsEntry(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0)
                .containsEntry(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON)
                .containsEntry(CloudEventHeaders.ID, data.path("idempotencyKey").asText());
        assertThat(data.at("/trigger/name").asText()).isEqualTo(trigger);
        assertThat(data.at("/image/digest").asText()).isEqualTo(image.digest());
        assertThat(EventSchemas.violations(type, action.payload())).isEmpty();
    }

    /** The webhook POST carries the same action as the Kafka record, signed with the trigger's secret. */
    private static void assertDeliveryOf(Kcat.Record action, WebhookReceiver.Delivery delivery, String secret) {
        assertThat(delivery.isSignedWith(secret))
                .as("signed with the trigger's secret")
                .isTrue();
        assertThat(delivery.isFresh(Duration.ofMinutes(5))).isTrue();
        assertThat(delivery.contentType()).startsWith("application/cloudevents+json");
        assertThat(delivery.webhookId()).isEqualTo(action.headers().get(CloudEventHeaders.ID));
        JsonNode event = delivery.event();
        assertThat(event.path("id").asText()).isEqualTo(action.headers().get(CloudEventHeaders.ID));
        assertThat(event.path("type").asText()).isEqualTo(action.headers().get(CloudEventHeaders.TYPE));
        assertThat(event.path("data")).isEqualTo(action.json());
    }

    private static List<Kcat.Record> awaitActions(String trigger, int count) {
        return await().atMost(DELIVERY)
                .pollInterval(POLL)
                .until(() -> actions(trigger), actions -> actions.size() >= count);
    }

    private static List<WebhookReceiver.Delivery> awaitDeliveries(String trigger, int count) {
        return await().atMost(DELIVERY)
                .pollInterval(POLL)
                .until(() -> receiver.deliveriesFor(trigger), deliveries -> deliveries.size() >= count);
    }

    /** This run's actions of one trigger on trigger-actions, in order (one key, one partition). */
    private static List<Kcat.Record> actions(String trigger) {
        return Kcat.readAll(kafka.bootstrapServers(), Topics.TRIGGER_ACTIONS).stream()
                .filter(record -> (NAMESPACE + "/" + trigger).equals(record.key()))
                .filter(record ->
                        PUSHED.contains(record.json().at("/image/digest").asText()))
                .sorted(Comparator.comparingLong(Kcat.Record::offset))
                .toList();
    }

    /**
     * The {@code nth} distinct {@code registry.tag.changed} (by {@code ce_id}, so a registry's retry is not counted
     * twice) that saw {@code image} at {@code reference}, published by the gateway or the import-service.
     */
    private static Kcat.Record registryEventOf(String reference, OciImages.LayoutImage image, int nth) {
        return await().atMost(DELIVERY)
                .pollInterval(POLL)
                .until(() -> registryEventsOf(reference, image), found -> found.size() > nth)
                .get(nth);
    }

    private static List<Kcat.Record> registryEventsOf(String reference, OciImages.LayoutImage image) {
        List<Kcat.Record> events = new ArrayList<>();
        for (Kcat.Record record : Kcat.readAll(kafka.bootstrapServers(), Topics.REGISTRY_TAG_EVENTS)) {
            boolean repeated = events.stream()
                    .anyMatch(seen -> seen.headers()
                            .get(CloudEventHeaders.ID)
                            .equals(record.headers().get(CloudEventHeaders.ID)));
            if (reference.equals(record.key())
                    && !repeated
                    && EventType.REGISTRY_TAG_CHANGED
                            .type()
                            .equals(record.headers().get(CloudEventHeaders.TYPE))
                    && image.digest().equals(record.json().path("digest").asText())) {
                events.add(record);
            }
        }
        return events;
    }

    /** The tag-service's {@code tag.updated} for the move that fired {@code action}. */
    private static Kcat.Record tagUpdatedFor(Kcat.Record action) {
        JsonNode from = action.json().path("from");
        String key = from.path("namespace").asText() + "/"
                + from.path("imageStream").asText() + ":" + from.path("tag").asText();
        return Kcat.readAll(kafka.bootstrapServers(), Topics.IMAGESTREAM_TAG_EVENTS).stream()
                .filter(record -> key.equals(record.key()))
                .filter(record -> EventType.IMAGESTREAM_TAG_UPDATED
                        .type()
                        .equals(record.headers().get(CloudEventHeaders.TYPE)))
                .filter(record -> record.json().path("generation").asLong()
                        == from.path("generation").asLong())
                .filter(record ->
                        PUSHED.contains(record.json().at("/image/digest").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no tag.updated behind " + action));
    }

    /**
     * Records a delivered change: from the user's action ({@code started}) and, for a webhook's change, from the
     * registry's notification (kept as {@code observedAt}), through each service's record, to the webhook.
     */
    private static void measure(
            String change,
            Instant started,
            Kcat.Record registryTagChanged,
            Kcat.Record action,
            WebhookReceiver.Delivery delivery) {
        Instant registryEvent = registryTagChanged != null
                        && "webhook"
                                .equals(registryTagChanged
                                        .json()
                                        .at("/origin/kind")
                                        .asText())
                ? Instant.parse(registryTagChanged.json().path("observedAt").asText())
                : null;
        LATENCIES.record(new Latencies.Row(
                change,
                started,
                registryEvent,
                registryTagChanged == null ? null : registryTagChanged.timestamp(),
                tagUpdatedFor(action).timestamp(),
                action.timestamp(),
                delivery.receivedAt()));
    }

    private static Instant push(OciImages.LayoutImage image, String destination) {
        PUSHED.add(image.digest());
        Skopeo.push(image, destination);
        return Instant.now();
    }

    private static OciImages.LayoutImage image(String name) {
        return OciImages.image(
                workDirectory.resolve(name), OciImages.Platform.LINUX_AMD64, name + "/" + UUID.randomUUID());
    }

    private static String appProd() {
        return registry.host() + "/" + NAMESPACE + "/app:prod";
    }

    private static String tags(String path) {
        return stack.url(Service.TAG_SERVICE) + "/api/v1/namespaces/" + NAMESPACE + path;
    }

    private static String triggers(String path) {
        return stack.url(Service.TRIGGER_SERVICE) + "/api/v1/namespaces/" + NAMESPACE + path;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("Could not stop " + closeable + ": " + e);
        }
    }
}
