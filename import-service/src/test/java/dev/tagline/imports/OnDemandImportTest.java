package dev.tagline.imports;

import static dev.tagline.imports.Api.given;
import static dev.tagline.imports.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.tagline.events.ImportFailureReason;
import dev.tagline.events.ImportPolicy;
import dev.tagline.events.Origin;
import dev.tagline.events.ReferencePolicy;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.events.RegistryTagImportFailed;
import dev.tagline.events.StreamTagRef;
import dev.tagline.testkit.DistributionRegistry;
import dev.tagline.testkit.OciImages;
import dev.tagline.testkit.Skopeo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On-demand imports against the real Distribution registry: the answer, and the event that moves the stream tag. */
@QuarkusTest
class OnDemandImportTest {

    private static DistributionRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registry = DistributionRegistry.start();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void an_import_answers_the_digest_and_publishes_a_change_that_targets_the_stream_tag() {
        String namespace = unique("team");
        String repository = unique("team-a") + "/app";
        OciImages.LayoutImage image = TestData.image();
        Skopeo.push(image, registry.host() + "/" + repository + ":v1");

        given().contentType(ContentType.JSON)
                .body(body(registry.host() + "/" + repository + ":v1", "app:v1", true))
                .post("/api/v1/namespaces/{ns}/imagestreamimports", namespace)
                .then()
                .statusCode(200)
                .body("namespace", equalTo(namespace))
                .body("name", equalTo("app:v1"))
                .body("image.digest", equalTo(image.digest()))
                .body("image.mediaType", equalTo(OciImages.OCI_MANIFEST))
                .body("image.dockerImageReference", equalTo(registry.host() + "/" + repository + "@" + image.digest()))
                .body("image.platforms", hasSize(0));

        List<RegistryTagChanged> changes =
                RegistryEvents.changed(registry.host() + "/" + repository + ":v1", Origin.Kind.IMPORT, 1);
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).digest()).isEqualTo(image.digest());
        assertThat(changes.get(0).target())
                .isEqualTo(new RegistryTagChanged.Target(
                        namespace, "app", "v1", new ImportPolicy(false, true, ImportPolicy.ImportMode.Legacy), null));
    }

    @Test
    void an_import_that_asks_for_scheduling_publishes_the_policies_for_the_target_spec_tag_and_answers_them() {
        String namespace = unique("team");
        String source = registry.host() + "/" + unique("team-a") + "/app:v1";
        Skopeo.push(TestData.image(), source);

        given().contentType(ContentType.JSON)
                .body("""
                {"from":{"kind":"DockerImage","name":"%s"},"to":"app:v1",
                 "importPolicy":{"scheduled":true,"insecure":true,"importMode":"PreserveOriginal"},
                 "referencePolicy":"Local"}""".formatted(source))
                .post("/api/v1/namespaces/{ns}/imagestreamimports", namespace)
                .then()
                .statusCode(200)
                .body("importPolicy.scheduled", equalTo(true))
                .body("importPolicy.importMode", equalTo("PreserveOriginal"));

        List<RegistryTagChanged> changes = RegistryEvents.changed(source, Origin.Kind.IMPORT, 1);
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).target())
                .isEqualTo(new RegistryTagChanged.Target(
                        namespace,
                        "app",
                        "v1",
                        new ImportPolicy(true, true, ImportPolicy.ImportMode.PreserveOriginal),
                        ReferencePolicy.Local));
    }

    @Test
    void an_index_import_answers_its_platforms() {
        String repository = unique("team-a") + "/multi";
        OciImages.LayoutImage index = TestData.index();
        Skopeo.push(index, registry.host() + "/" + repository + ":v1");

        given().contentType(ContentType.JSON)
                .body(body(registry.host() + "/" + repository + ":v1", "multi:v1", true))
                .post("/api/v1/namespaces/{ns}/imagestreamimports", unique("team"))
                .then()
                .statusCode(200)
                .body("image.digest", equalTo(index.digest()))
                .body("image.mediaType", equalTo(OciImages.OCI_INDEX))
                .body("image.platforms.digest", equalTo(index.childDigests()))
                .body("image.platforms.architecture", equalTo(List.of("amd64", "arm64")))
                .body("image.platforms[1].variant", equalTo("v8"));
    }

    @Test
    void a_missing_tag_answers_502_not_found_and_publishes_the_failure_for_the_target() {
        String namespace = unique("team");
        String repository = unique("team-a") + "/app";

        given().contentType(ContentType.JSON)
                .body(body(registry.host() + "/" + repository + ":nope", "app:v1", true))
                .post("/api/v1/namespaces/{ns}/imagestreamimports", namespace)
                .then()
                .statusCode(502)
                .body("reason", equalTo("not-found"))
                .body("field", equalTo("from.name"));

        List<RegistryTagImportFailed> failures = RegistryEvents.failed(registry.host() + "/" + repository + ":nope", 1);
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).reason()).isEqualTo(ImportFailureReason.NOT_FOUND);
        assertThat(failures.get(0).target()).isEqualTo(new StreamTagRef(namespace, "app", "v1"));
    }

    @Test
    void a_registry_that_names_no_digest_is_asked_for_the_manifest_whose_digest_is_computed() {
        try (DigestlessRegistry digestless = DigestlessRegistry.start()) {
            given().contentType(ContentType.JSON)
                    .body(body(digestless.host() + "/team-a/app:v1", "app:v1", true))
                    .post("/api/v1/namespaces/{ns}/imagestreamimports", unique("team"))
                    .then()
                    .statusCode(200)
                    .body("image.digest", equalTo(digestless.digest()))
                    .body("image.mediaType", equalTo(DigestlessRegistry.MEDIA_TYPE));
            assertThat(digestless.methods()).containsExactly("HEAD", "GET");
        }
    }

    static String body(String from, String to, boolean insecure) {
        return """
                {"from":{"kind":"DockerImage","name":"%s"},"to":"%s","importPolicy":{"scheduled":false,"insecure":%s}}""".formatted(from, to, insecure);
    }
}
