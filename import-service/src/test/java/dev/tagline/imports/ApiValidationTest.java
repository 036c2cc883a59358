package dev.tagline.imports;

import static dev.tagline.imports.Api.given;
import static dev.tagline.imports.OnDemandImportTest.body;
import static dev.tagline.imports.TestData.unique;
import static dev.tagline.testkit.FreePorts.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed, refused and unanswerable import requests get a JSON error naming the field; refused ones publish nothing. */
@QuarkusTest
class ApiValidationTest {

    private final ImportsDatabase database = ImportsDatabase.ofApp();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                 | {"from":                                                                      | body
            no from                  | {"to":"app:v1"}                                                               | from
            another kind             | {"from":{"kind":"ImageStreamTag","name":"app:v1"},"to":"app:v1"}              | from.kind
            no name                  | {"from":{"kind":"DockerImage"},"to":"app:v1"}                                 | from.name
            an upper-case reference  | {"from":{"kind":"DockerImage","name":"Quay.io/App:v1"},"to":"app:v1"}         | from.name
            a digest                 | {"from":{"kind":"DockerImage","name":"quay.io/app@sha256:%s"},"to":"app:v1"}  | from.name
            no target                | {"from":{"kind":"DockerImage","name":"quay.io/org/app:v1"}}                   | to
            a target without a tag   | {"from":{"kind":"DockerImage","name":"quay.io/org/app:v1"},"to":"app"}        | to
            a target with a bad name | {"from":{"kind":"DockerImage","name":"quay.io/org/app:v1"},"to":"App_1:v1"}   | to
            a mistyped policy        | {"from":{"kind":"DockerImage","name":"quay.io/org/app:v1"},"to":"app:v1","importPolicy":{"scheduled":[]}} | importPolicy.scheduled
            """)
    void a_bad_request_is_refused_with_the_field_named(String why, String body, String field) {
        given().contentType(ContentType.JSON)
                .body(body.replace("%s", "a".repeat(64)))
                .post("/api/v1/namespaces/{ns}/imagestreamimports", unique("team"))
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("field", equalTo(field))
                .body("error", notNullValue());
    }

    @Test
    void a_namespace_that_is_not_a_label_is_refused() {
        given().contentType(ContentType.JSON)
                .body(body("quay.io/org/app:v1", "app:v1", false))
                .post("/api/v1/namespaces/{ns}/imagestreamimports", "Team_A")
                .then()
                .statusCode(400)
                .body("field", equalTo("namespace"));
    }

    @Test
    void a_registry_the_configuration_does_not_allow_is_refused_and_nothing_is_published() {
        String source = "10.255.255.1:" + freePort() + "/" + unique("team-a") + "/app:v1";
        given().contentType(ContentType.JSON)
                .body(body(source, "app:v1", true))
                .post("/api/v1/namespaces/{ns}/imagestreamimports", unique("team"))
                .then()
                .statusCode(403)
                .body("field", equalTo("from.name"));
        assertThat(database.outboxRowsOf(source)).isZero();
    }

    @Test
    void a_registry_that_does_not_answer_gives_502_unreachable() {
        String source = "127.0.0.1:" + freePort() + "/" + unique("team-a") + "/app:v1";
        given().contentType(ContentType.JSON)
                .body(body(source, "app:v1", true))
                .post("/api/v1/namespaces/{ns}/imagestreamimports", unique("team"))
                .then()
                .statusCode(502)
                .body("reason", equalTo("unreachable"));
    }

    @Test
    void a_registry_whose_certificate_nothing_vouches_for_is_not_trusted() {
        try (SelfSignedRegistry registry = SelfSignedRegistry.start()) {
            given().contentType(ContentType.JSON)
                    .body(body(registry.host() + "/team-a/app:v1", "app:v1", false))
                    .post("/api/v1/namespaces/{ns}/imagestreamimports", unique("team"))
                    .then()
                    .statusCode(502)
                    .body("reason", equalTo("unreachable"));
            assertThat(registry.requests()).isEmpty();
        }
    }
}
