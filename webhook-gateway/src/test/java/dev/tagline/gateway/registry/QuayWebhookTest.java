package dev.tagline.gateway.registry;

import static dev.tagline.gateway.registry.Webhooks.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagline.gateway.domain.InvalidPayloadException;
import dev.tagline.gateway.domain.Reading;
import dev.tagline.gateway.domain.RegistryRepository;
import dev.tagline.gateway.domain.TagNamed;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads Quay's repository notifications in the shapes Quay documents: pushes name tags without digests. */
class QuayWebhookTest {

    private static final QuayWebhook FORMAT = new QuayWebhook();

    @Test
    void a_push_requests_an_import_of_every_updated_tag() {
        Reading reading = read(FORMAT, "quay/repo-push.json");

        RegistryRepository storefront = new RegistryRepository("quay.io", "retail/storefront");
        assertThat(reading.observations())
                .extracting(o -> ((TagNamed) o).repository())
                .containsOnly(storefront);
        assertThat(reading.observations()).extracting(o -> ((TagNamed) o).tag()).containsExactly("3.1.0", "stable");
        assertThat(reading.observations())
                .extracting(o -> o.provenance().observedAt())
                .containsOnly(Webhooks.RECEIVED);
    }

    @Test
    void two_identical_pushes_are_two_requests() {
        String first = read(FORMAT, "quay/repo-push.json")
                .observations()
                .get(0)
                .provenance()
                .eventId();
        String second = read(FORMAT, "quay/repo-push.json")
                .observations()
                .get(0)
                .provenance()
                .eventId();

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void a_self_hosted_quay_is_named_by_its_docker_url() {
        TagNamed named = (TagNamed)
                read(FORMAT, "quay/repo-push-self-hosted.json").observations().get(0);

        assertThat(named.repository()).isEqualTo(new RegistryRepository("quay.tagline.test:8443", "retail/storefront"));
        assertThat(named.tag()).isEqualTo("3.1.1");
    }

    @Test
    void a_build_notification_is_ignored() {
        Reading reading = read(FORMAT, "quay/build-success.json");

        assertThat(reading.observations()).isEmpty();
        assertThat(reading.ignored()).isEqualTo(1);
    }

    @Test
    void a_bad_tag_is_refused_naming_its_field() {
        byte[] body = Webhooks.text("quay/repo-push.json")
                .replace("\"stable\"", "\"-stable\"")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(FORMAT, body, Map.of()))
                .isInstanceOfSatisfying(
                        InvalidPayloadException.class,
                        e -> assertThat(e.field()).isEqualTo("updated_tags[1]"));
    }
}
