package dev.tagline.imports;

import static dev.tagline.imports.Api.given;
import static dev.tagline.imports.OnDemandImportTest.body;
import static dev.tagline.imports.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tagline.testkit.DistributionRegistry;
import dev.tagline.testkit.OciImages;
import dev.tagline.testkit.Skopeo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * Registries that need credentials: the real registry behind htpasswd Basic auth, with and without configured
 * credentials, and a registry with a token server (the Bearer challenge flow), both from {@link AuthRegistries}.
 */
@QuarkusTest
class RegistryAuthTest {

    @Test
    void a_registry_behind_basic_auth_imports_with_the_configured_credentials() {
        DistributionRegistry registry = AuthRegistries.basic();
        String repository = unique("team-a") + "/app";
        OciImages.LayoutImage image = TestData.image();
        Skopeo.push(
                image,
                registry.host() + "/" + repository + ":v1",
                Skopeo.Format.OCI,
                AuthRegistries.BASIC_USER + ":" + AuthRegistries.BASIC_PASSWORD);

        importing(registry.host() + "/" + repository + ":v1")
                .statusCode(200)
                .body("image.digest", equalTo(image.digest()));
        importing(registry.host() + "/" + repository + ":v1")
                .statusCode(200)
                .body("image.digest", equalTo(image.digest()));
    }

    @Test
    void a_registry_behind_basic_auth_without_configured_credentials_fails_unauthorized() {
        try (DistributionRegistry registry = DistributionRegistry.start(null, "someone:else")) {
            String repository = unique("team-a") + "/app";
            Skopeo.push(
                    TestData.image(), registry.host() + "/" + repository + ":v1", Skopeo.Format.OCI, "someone:else");

            importing(registry.host() + "/" + repository + ":v1")
                    .statusCode(502)
                    .body("reason", equalTo("unauthorized"))
                    .body("field", equalTo("from.name"));
        }
    }

    @Test
    void the_bearer_flow_gets_a_token_with_the_credentials_and_reuses_it() {
        TokenRegistry registry = AuthRegistries.token();
        int tokensBefore = registry.tokenRequests();
        String repository = unique("team-a") + "/app";

        importing(registry.host() + "/" + repository + ":v1")
                .statusCode(200)
                .body("image.digest", equalTo(registry.digest()))
                .body("image.mediaType", equalTo(TokenRegistry.MEDIA_TYPE));
        int unauthorizedAfterFirst = registry.unauthorizedManifestRequests();
        importing(registry.host() + "/" + repository + ":v1")
                .statusCode(200)
                .body("image.digest", equalTo(registry.digest()));

        assertThat(registry.tokenRequests() - tokensBefore).isEqualTo(1);
        assertThat(registry.unauthorizedManifestRequests()).isEqualTo(unauthorizedAfterFirst);
    }

    private static ValidatableResponse importing(String from) {
        return given().contentType(ContentType.JSON)
                .body(body(from, "app:v1", true))
                .post("/api/v1/namespaces/{ns}/imagestreamimports", unique("team"))
                .then();
    }
}
