package dev.tagline.gateway.registry;

import static dev.tagline.gateway.registry.Webhooks.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagline.gateway.domain.InvalidPayloadException;
import dev.tagline.gateway.domain.Reading;
import dev.tagline.gateway.domain.RegistryRepository;
import dev.tagline.gateway.domain.TagNamed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads Docker Hub's push webhook in the shape Docker documents: a tag and a pusher, no digest. */
class DockerHubWebhookTest {

    private static final DockerHubWebhook FORMAT = new DockerHubWebhook();

    @Test
    void a_push_requests_an_import_of_the_tag() {
        Reading reading = read(FORMAT, "dockerhub/push.json");

        TagNamed named = (TagNamed) reading.observations().get(0);
        assertThat(reading.observations()).hasSize(1);
        assertThat(named.repository()).isEqualTo(new RegistryRepository("docker.io", "acmecorp/worker"));
        assertThat(named.tag()).isEqualTo("2025.11");
        assertThat(named.provenance().observedAt()).isEqualTo(Instant.ofEpochSecond(1763895600));
        assertThat(named.provenance().actor()).isEqualTo("acmebot");
    }

    @Test
    void a_later_push_of_the_tag_is_another_event_and_a_redelivery_the_same() {
        String first = read(FORMAT, "dockerhub/push.json")
                .observations()
                .get(0)
                .provenance()
                .eventId();
        String redelivered = read(FORMAT, "dockerhub/push.json")
                .observations()
                .get(0)
                .provenance()
                .eventId();
        String later = read(FORMAT, "dockerhub/push-again.json")
                .observations()
                .get(0)
                .provenance()
                .eventId();

        assertThat(redelivered).isEqualTo(first);
        assertThat(later).isNotEqualTo(first);
    }

    @Test
    void an_official_image_lives_under_library() {
        byte[] body = Webhooks.text("dockerhub/push.json")
                .replace("\"repo_name\": \"acmecorp/worker\"", "\"repo_name\": \"nginx\"")
                .getBytes(StandardCharsets.UTF_8);

        TagNamed named = (TagNamed) read(FORMAT, body, Map.of()).observations().get(0);
        assertThat(named.repository()).isEqualTo(new RegistryRepository("docker.io", "library/nginx"));
    }

    @Test
    void a_push_without_a_tag_is_refused_naming_the_field() {
        byte[] body = Webhooks.text("dockerhub/push.json")
                .replace("\"tag\": \"2025.11\"", "\"tag\": null")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(FORMAT, body, Map.of()))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class,
                        e -> assertThat(e.field()).isEqualTo("push_data.tag"));
    }
}
