package dev.tagline.gateway.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.tagline.gateway.domain.InvalidPayloadException;
import dev.tagline.gateway.domain.Observation;
import dev.tagline.gateway.domain.Reading;
import java.util.Map;

/**
 * Coverage-guided fuzzing of every webhook format's reader (Jazzer): whatever the body, a format either reads it into
 * events that can be published, or refuses it with {@link InvalidPayloadException} naming a field, which the API
 * answers with a 400. Anything else (another exception, a hang) would be a 500 or a stuck request, and fails. The
 * corpus under {@code WebhookFormatsFuzzTestInputs} runs in every build; see the README for fuzzing proper. The
 * dictionary names the fields the formats read, so that mutations reach past the JSON parser.
 */
class WebhookFormatsFuzzTest {

    /** A binary-mode CloudEvent's own headers, valid, so that the fuzzer works on the data. */
    private static final Map<String, String> CLOUD_EVENT_HEADERS = Map.of(
            "ce-specversion",
            "1.0",
            "ce-id",
            "e-1",
            "ce-source",
            "/registry",
            "ce-type",
            "dev.example.image.pushed",
            "ce-time",
            "2025-11-23T14:00:00Z");

    @FuzzTest
    @DictionaryFile(resourcePath = "webhook-formats.dict")
    void distribution_notifications(@NotNull byte[] body) {
        readOrRefuse(new DistributionNotifications(), DistributionNotifications.ENVELOPE, Map.of(), body);
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "webhook-formats.dict")
    void harbor(@NotNull byte[] body) {
        readOrRefuse(new HarborWebhook(), MediaTypes.JSON, Map.of(), body);
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "webhook-formats.dict")
    void quay(@NotNull byte[] body) {
        readOrRefuse(new QuayWebhook(), MediaTypes.JSON, Map.of(), body);
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "webhook-formats.dict")
    void docker_hub(@NotNull byte[] body) {
        readOrRefuse(new DockerHubWebhook(), MediaTypes.JSON, Map.of(), body);
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "webhook-formats.dict")
    void github_packages(@NotNull byte[] body) {
        readOrRefuse(
                new GitHubPackageWebhook(),
                MediaTypes.JSON,
                Map.of(GitHubPackageWebhook.EVENT_HEADER, "package", GitHubPackageWebhook.DELIVERY_HEADER, "d-1"),
                body);
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "webhook-formats.dict")
    void azure_container_registry(@NotNull byte[] body) {
        readOrRefuse(new AcrWebhook(), MediaTypes.JSON, Map.of(), body);
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "webhook-formats.dict")
    void google_artifact_registry(@NotNull byte[] body) {
        readOrRefuse(new GoogleArtifactRegistryPush(), MediaTypes.JSON, Map.of(), body);
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "webhook-formats.dict")
    void ecr_event_bridge(@NotNull byte[] body) {
        readOrRefuse(new EcrEventBridge(), MediaTypes.JSON, Map.of(), body);
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "webhook-formats.dict")
    void cloud_events_structured(@NotNull byte[] body) {
        readOrRefuse(new CloudEventsWebhook(), CloudEventsWebhook.STRUCTURED, Map.of(), body);
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "webhook-formats.dict")
    void cloud_events_batch(@NotNull byte[] body) {
        readOrRefuse(new CloudEventsWebhook(), CloudEventsWebhook.BATCH, Map.of(), body);
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "webhook-formats.dict")
    void cloud_events_binary(@NotNull byte[] body) {
        readOrRefuse(new CloudEventsWebhook(), MediaTypes.JSON, CLOUD_EVENT_HEADERS, body);
    }

    private static void readOrRefuse(
            WebhookFormat format, String contentType, Map<String, String> headers, byte[] body) {
        Reading reading;
        try {
            reading = format.read(Webhooks.delivery(Webhooks.request(body, contentType, headers)));
        } catch (InvalidPayloadException refused) {
            assertThat(refused.field())
                    .as("the refused field of %s", refused.getMessage())
                    .isNotBlank();
            return;
        }
        for (Observation observation : reading.observations()) {
            assertThat(observation.toEvent("fuzz").data()).isNotEmpty();
        }
    }
}
