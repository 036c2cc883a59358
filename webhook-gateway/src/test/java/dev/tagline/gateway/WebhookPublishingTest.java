package dev.tagline.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventType;
import dev.tagline.testkit.EventSchemas;
import dev.tagline.testkit.KafkaTestClients.Consumed;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each format's webhook, sent to the running gateway, ends up on Kafka as CloudEvents of the contract: on the
 * type's topic, keyed by tag, with {@code ce_*} headers and data that satisfies the published JSON Schema.
 */
@QuarkusTest
@TestProfile(TestSources.class)
class WebhookPublishingTest {

    private static final Map<String, String> TOKEN = Map.of("Authorization", "Bearer " + TestSources.TOKEN);

    /** One webhook of a format: its fixture and the repository the fixture names, which each run renames. */
    record Webhook(
            String source,
            String fixture,
            String repository,
            String contentType,
            EventType type,
            String registry,
            List<String> tags) {

        @Override
        public String toString() {
            return source + " " + fixture;
        }
    }

    static Stream<Arguments> webhooks() {
        return Stream.of(
                        new Webhook(
                                "mirror",
                                "distribution/push-manifest.json",
                                "team-a/app",
                                "application/vnd.docker.distribution.events.v1+json",
                                EventType.REGISTRY_TAG_CHANGED,
                                TestSources.MIRROR_REGISTRY,
                                List.of("v1")),
                        new Webhook(
                                "harbor",
                                "harbor/push-artifact-index.json",
                                "payments/api",
                                "application/json",
                                EventType.REGISTRY_TAG_CHANGED,
                                "harbor.tagline.test",
                                List.of("2.0.0", "latest")),
                        new Webhook(
                                "harbor",
                                "harbor/delete-artifact.json",
                                "payments/api",
                                "application/json",
                                EventType.REGISTRY_TAG_DELETED,
                                "harbor.tagline.test",
                                List.of("1.4.1")),
                        new Webhook(
                                "quay",
                                "quay/repo-push.json",
                                "retail/storefront",
                                "application/json",
                                EventType.IMPORT_REQUESTED,
                                "quay.io",
                                List.of("3.1.0", "stable")),
                        new Webhook(
                                "hub",
                                "dockerhub/push.json",
                                "acmecorp/worker",
                                "application/json",
                                EventType.IMPORT_REQUESTED,
                                "docker.io",
                                List.of("2025.11")),
                        new Webhook(
                                "acr",
                                "acr/push.json",
                                "billing/invoicer",
                                "application/json; charset=utf-8",
                                EventType.REGISTRY_TAG_CHANGED,
                                "taglinedemo.azurecr.io",
                                List.of("v5.0.1")),
                        new Webhook(
                                "ecr",
                                "ecr/push.json",
                                "shipping/tracker",
                                "application/json; charset=utf-8",
                                EventType.REGISTRY_TAG_CHANGED,
                                "210987654321.dkr.ecr.eu-central-1.amazonaws.com",
                                List.of("2.4.0")),
                        new Webhook(
                                "ecr",
                                "ecr/delete-tag.json",
                                "shipping/tracker",
                                "application/json",
                                EventType.REGISTRY_TAG_DELETED,
                                "210987654321.dkr.ecr.eu-central-1.amazonaws.com",
                                List.of("2.3.9")))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webhooks")
    void a_webhook_becomes_contract_events_keyed_by_tag(Webhook webhook) {
        String repository = Fixtures.unique("pub") + "/"
                + webhook.repository().substring(webhook.repository().indexOf('/') + 1);

        WebhookAuthenticationTest.post(
                        webhook.source(),
                        Fixtures.renamed(webhook.fixture(), webhook.repository(), repository),
                        webhook.contentType(),
                        TOKEN)
                .statusCode(202)
                .body("accepted", equalTo(webhook.tags().size()));

        List<Consumed> events = Published.about(
                webhook.type().topic(), repository, webhook.tags().size());
        assertThat(events)
                .extracting(Consumed::key)
                .containsExactlyInAnyOrderElementsOf(webhook.tags().stream()
                        .map(tag -> webhook.registry() + "/" + repository + ":" + tag)
                        .toList());
        events.forEach(event -> assertContractEvent(event, webhook.type(), "/webhooks/" + webhook.source()));
    }

    @Test
    void a_pub_sub_push_from_artifact_registry_becomes_a_tag_change() {
        String repository = "tagline-demo/" + Fixtures.unique("pub") + "/ledger";
        String image = "europe-west1-docker.pkg.dev/" + repository;
        String notification = "{\"action\":\"INSERT\",\"digest\":\"" + image + "@sha256:" + "5e".repeat(32)
                + "\",\"tag\":\"" + image + ":1.9.0\"}";
        byte[] push = ("{\"message\":{\"attributes\":{},\"data\":\""
                        + Base64.getEncoder().encodeToString(notification.getBytes(StandardCharsets.UTF_8))
                        + "\",\"messageId\":\"" + Fixtures.unique("m")
                        + "\",\"publishTime\":\"2025-11-23T09:00:01.512Z\"},\"subscription\":\"projects/p/subscriptions/s\"}")
                .getBytes(StandardCharsets.UTF_8);

        WebhookAuthenticationTest.post("gar", push, "application/json", TOKEN).statusCode(202);

        List<Consumed> events = Published.about(EventType.REGISTRY_TAG_CHANGED.topic(), repository, 1);
        assertThat(events).extracting(Consumed::key).containsExactly(image + ":1.9.0");
        assertContractEvent(events.get(0), EventType.REGISTRY_TAG_CHANGED, "/webhooks/gar");
    }

    @Test
    void a_redelivered_notification_is_published_again_under_the_same_id_for_consumers_to_dedupe() {
        String repository = Fixtures.unique("pub") + "/app";
        byte[] push = WebhookAuthenticationTest.distributionPush(repository);
        Map<String, String> authorized = Map.of("Authorization", "Bearer " + TestSources.REGISTRY_TOKEN);

        WebhookAuthenticationTest.post(
                        "registry", push, "application/vnd.docker.distribution.events.v1+json", authorized)
                .statusCode(202);
        WebhookAuthenticationTest.post(
                        "registry", push, "application/vnd.docker.distribution.events.v1+json", authorized)
                .statusCode(202);

        List<Consumed> events = Published.about(EventType.REGISTRY_TAG_CHANGED.topic(), repository, 2);
        assertThat(events).hasSize(2);
        assertThat(events)
                .extracting(event -> event.headers().get(CloudEventHeaders.ID))
                .containsOnly("9abea3dd-d416-4cb3-948f-3a797873726d");
    }

    private static void assertContractEvent(Consumed event, EventType type, String source) {
        assertThat(event.headers())
                .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                .containsEntry(CloudEventHeaders.TYPE, type.type())
                .containsEntry(CloudEventHeaders.SOURCE, source)
                .containsEntry(CloudEventHeaders.SUBJECT, event.key())
                .containsEntry(CloudEventHeaders.CONTENT_TYPE, "application/json")
                .containsKeys(CloudEventHeaders.ID, CloudEventHeaders.TIME);
        assertThat(EventSchemas.violations(type, event.value())).isEmpty();
    }
}
