package dev.tagline.imports;

import static dev.tagline.imports.OnDemandImportTest.body;
import static dev.tagline.imports.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.events.EventJson;
import dev.tagline.testkit.DistributionRegistry;
import dev.tagline.testkit.OciImages;
import dev.tagline.testkit.ServiceProcess;
import dev.tagline.testkit.Skopeo;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged import-service and tag-service together, on the real broker, Postgres and Distribution registry: an
 * on-demand import shows up in the stream tag's history, and one that asks for scheduling keeps the tag moving. The
 * two services talk only through events; the tests read the tag-service's API with a token.
 */
class ImportIntoTagServiceIT {

    private static DistributionRegistry registry;
    private static ServiceProcess tagService;
    private static ServiceProcess importService;

    @BeforeAll
    static void start() {
        registry = DistributionRegistry.start();
        tagService = PackagedServices.startTagService();
        importService = PackagedServices.startImportService(
                "import-service-with-tags",
                Map.of(
                        "TAGLINE_IMPORTS_INTERVAL", "1s",
                        "TAGLINE_IMPORTS_MIN_INTERVAL", "1s",
                        "TAGLINE_IMPORTS_POLL_INTERVAL", "1s"));
        tagService.awaitReady(PackagedServices.START);
        importService.awaitReady(PackagedServices.START);
    }

    @AfterAll
    static void stop() {
        importService.close();
        tagService.close();
        registry.close();
    }

    @Test
    void an_on_demand_import_returns_the_digest_and_the_tag_shows_it_in_its_history() {
        String namespace = unique("team");
        String source = registry.host() + "/" + unique("team-a") + "/app:v1";
        OciImages.LayoutImage image = TestData.image();
        Skopeo.push(image, source);

        JsonNode imported = json(
                PackagedServices.post(
                        importService,
                        "/api/v1/namespaces/" + namespace + "/imagestreamimports",
                        body(source, "app:v1", true)),
                200);
        assertThat(imported.at("/image/digest").asText()).isEqualTo(image.digest());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode tag = json(
                    PackagedServices.get(tagService, "/api/v1/namespaces/" + namespace + "/imagestreamtags/app:v1"),
                    200);
            assertThat(tag.at("/history/0/image").asText()).isEqualTo(image.digest());
            assertThat(tag.at("/history/0/cause").asText()).isEqualTo("import");
            assertThat(tag.at("/tag/from/name").asText()).isEqualTo(source);
        });
    }

    /**
     * The import's {@code registry.tag.changed} gives the target spec tag the policy; the tag-service's
     * {@code tag.spec-changed} schedules the source here.
     */
    @Test
    void an_import_that_asks_for_scheduling_keeps_following_the_source() {
        String namespace = unique("team");
        String source = registry.host() + "/" + unique("team-a") + "/app:v1";
        OciImages.LayoutImage first = TestData.image();
        Skopeo.push(first, source);

        json(
                PackagedServices.post(
                        importService, "/api/v1/namespaces/" + namespace + "/imagestreamimports", """
                {"from":{"kind":"DockerImage","name":"%s"},"to":"app:v1","importPolicy":{"scheduled":true,"insecure":true}}""".formatted(
                                        source)),
                200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode tag = json(
                    PackagedServices.get(tagService, "/api/v1/namespaces/" + namespace + "/imagestreamtags/app:v1"),
                    200);
            assertThat(tag.at("/tag/importPolicy/scheduled").asBoolean()).isTrue();
            assertThat(tag.at("/tag/importPolicy/insecure").asBoolean()).isTrue();
            assertThat(tag.at("/history/0/image").asText()).isEqualTo(first.digest());
        });
        await().atMost(Duration.ofSeconds(30))
                .until(() -> PackagedServices.database().followersOf(source) == 1);

        OciImages.LayoutImage second = TestData.image();
        Skopeo.push(second, source);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode tag = json(
                    PackagedServices.get(tagService, "/api/v1/namespaces/" + namespace + "/imagestreamtags/app:v1"),
                    200);
            assertThat(tag.at("/history/0/image").asText()).isEqualTo(second.digest());
            assertThat(tag.at("/history/0/cause").asText()).isEqualTo("scheduled-import");
        });
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        try {
            return EventJson.mapper().readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
