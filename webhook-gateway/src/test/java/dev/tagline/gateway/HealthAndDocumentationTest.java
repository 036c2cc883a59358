package dev.tagline.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Readiness follows the real Kafka broker; OpenAPI and metrics are served like every Tagline service's. */
@QuarkusTest
@TestProfile(TestSources.class)
class HealthAndDocumentationTest {

    @Test
    void the_gateway_is_ready_while_kafka_answers() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"));
    }

    @Test
    void the_webhook_endpoint_is_documented() {
        given().get("/q/openapi?format=json").then().statusCode(200).body(containsString("/webhooks/{source}"));
    }

    @Test
    void the_producer_reports_metrics() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("kafka_producer_"));
    }
}
