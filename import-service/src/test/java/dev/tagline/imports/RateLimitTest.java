package dev.tagline.imports;

import static dev.tagline.imports.Api.given;
import static dev.tagline.imports.OnDemandImportTest.body;
import static dev.tagline.imports.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.tagline.events.ImportFailureReason;
import dev.tagline.events.Origin;
import dev.tagline.events.RegistryTagImportFailed;
import dev.tagline.events.StreamTagRef;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A registry that answers 429 with {@code Retry-After} (a small HTTP server playing it) is left alone, for all of
 * its tags, for as long as it asked: judged by the registry's own clock of when requests arrived.
 */
@QuarkusTest
class RateLimitTest {

    private final ImportsDatabase database = ImportsDatabase.ofApp();

    @Test
    void a_429_with_retry_after_pauses_that_registry_for_all_its_tags() {
        try (RateLimitedRegistry registry = RateLimitedRegistry.start(Duration.ofSeconds(3))) {
            String first = registry.host() + "/" + unique("team-a") + "/app:v1";
            String second = registry.host() + "/" + unique("team-a") + "/app:v1";

            SpecTags.followScheduled(new StreamTagRef(unique("team"), "app", "v1"), first);
            await().atMost(Duration.ofSeconds(20)).until(() -> database.isPaused(registry.host()));
            SpecTags.followScheduled(new StreamTagRef(unique("team"), "app", "v1"), second);

            assertThat(RegistryEvents.changed(first, Origin.Kind.SCHEDULED_IMPORT, 1))
                    .hasSize(1);
            assertThat(RegistryEvents.changed(second, Origin.Kind.SCHEDULED_IMPORT, 1))
                    .hasSize(1);
            assertThat(RegistryEvents.failed(first, 1))
                    .extracting(RegistryTagImportFailed::reason)
                    .containsExactly(ImportFailureReason.RATE_LIMITED);
            Instant resumed = registry.limitedUntil();
            assertThat(registry.requests()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(registry.requests().subList(1, registry.requests().size()))
                    .allSatisfy(request -> assertThat(request.at()).isAfterOrEqualTo(resumed));
        }
    }

    @Test
    void an_on_demand_import_from_a_paused_registry_is_refused_without_asking_it() {
        try (RateLimitedRegistry registry = RateLimitedRegistry.start(Duration.ofHours(1))) {
            given().contentType(ContentType.JSON)
                    .body(body(registry.host() + "/team-a/one:v1", "one:v1", true))
                    .post("/api/v1/namespaces/{ns}/imagestreamimports", unique("team"))
                    .then()
                    .statusCode(502)
                    .body("reason", equalTo("rate-limited"))
                    .header("Retry-After", notNullValue());

            given().contentType(ContentType.JSON)
                    .body(body(registry.host() + "/team-a/two:v1", "two:v1", true))
                    .post("/api/v1/namespaces/{ns}/imagestreamimports", unique("team"))
                    .then()
                    .statusCode(502)
                    .body("reason", equalTo("rate-limited"));
            assertThat(registry.requests())
                    .extracting(RateLimitedRegistry.Request::repository)
                    .containsExactly("team-a/one");
        }
    }
}
