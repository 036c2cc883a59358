package dev.tagline.imports;

import static dev.tagline.imports.Api.as;
import static dev.tagline.imports.OnDemandImportTest.body;
import static dev.tagline.imports.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.tagline.events.CloudEventHeaders;
import dev.tagline.events.EventJson;
import dev.tagline.events.EventType;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.events.Topics;
import dev.tagline.testkit.DistributionRegistry;
import dev.tagline.testkit.JwtIssuer;
import dev.tagline.testkit.KafkaTestClients;
import dev.tagline.testkit.OciImages;
import dev.tagline.testkit.Skopeo;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who may import, over REST with tokens signed as an identity provider signs them, against the real registry and
 * broker: {@code edit} in the namespace or more; everyone else is refused before the registry is asked or anything
 * is published.
 */
@QuarkusTest
class ImportAccessTest {

    private static final String IMPORTS = "/api/v1/namespaces/{ns}/imagestreamimports";
    private static final String REPOSITORY = unique("team-a") + "/app";

    private static DistributionRegistry registry;
    private static OciImages.LayoutImage image;

    private final ImportsDatabase database = ImportsDatabase.ofApp();

    @TempDir
    Path keys;

    @BeforeAll
    static void pushImage() {
        registry = DistributionRegistry.start();
        image = TestData.image();
        Skopeo.push(image, registry.host() + "/" + REPOSITORY + ":v1");
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ELSEWHERE:admin      | 404
            NS:view              | 403
            NS:view,ELSEWHERE:edit | 403
            NS:edit              | 200
            NS:admin             | 200
            cluster-admin        | 200
            """)
    void an_import_needs_the_edit_role_in_its_namespace_and_a_refused_one_imports_and_publishes_nothing(
            String groups, int status) {
        String namespace = unique("team");
        String tag = freshSourceTag();
        List<String> caller = Arrays.stream(groups.replace("ELSEWHERE", unique("elsewhere"))
                        .replace("NS", namespace)
                        .split(","))
                .toList();

        Response response = importInto(as(caller), namespace, tag);

        assertThat(response.statusCode())
                .as("%s: %s", caller, response.asString())
                .isEqualTo(status);
        if (status == 200) {
            response.then().body("image.digest", equalTo(image.digest()));
        } else {
            response.then()
                    .body("field", equalTo("namespace"))
                    .body(
                            "error",
                            equalTo(
                                    status == 404
                                            ? "namespace " + namespace + " not found"
                                            : "this needs the edit role in namespace " + namespace));
            assertNothingImportedOrPublished(tag);
        }
    }

    /** Tokens no identity provider we trust issued for a Tagline role. */
    enum RefusedToken {
        MISSING,
        NOT_BEARER,
        EXPIRED,
        SIGNED_BY_ANOTHER_KEY,
        WITHOUT_ROLES,
        WITHOUT_TAGLINE_ROLES;

        RequestSpecification request(Path keys) {
            List<String> admin = List.of("cluster-admin");
            return switch (this) {
                case MISSING -> RestAssured.given();
                case NOT_BEARER -> RestAssured.given().auth().preemptive().basic("tests-user", "secret");
                case EXPIRED ->
                    bearer(JwtIssuer.shared()
                            .token("tests-user", admin, Instant.now().minusSeconds(600)));
                case SIGNED_BY_ANOTHER_KEY ->
                    bearer(JwtIssuer.create(keys.resolve("stranger.pem")).token("tests-user", admin));
                case WITHOUT_ROLES -> bearer(JwtIssuer.shared().token("tests-user", List.of()));
                case WITHOUT_TAGLINE_ROLES ->
                    bearer(JwtIssuer.shared().token("tests-user", List.of("developers", "team-a:owner")));
            };
        }

        private static RequestSpecification bearer(String token) {
            return RestAssured.given().auth().oauth2(token);
        }
    }

    @ParameterizedTest
    @EnumSource(RefusedToken.class)
    void a_request_without_a_valid_token_with_roles_is_unauthorized_and_imports_and_publishes_nothing(
            RefusedToken token) {
        String tag = freshSourceTag();

        Response response = importInto(token.request(keys), unique("team"), tag);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(401);
        response.then().header("WWW-Authenticate", "Bearer realm=\"tagline\"").body("field", equalTo("Authorization"));
        assertNothingImportedOrPublished(tag);
    }

    @Test
    void health_metrics_and_openapi_need_no_token() {
        for (String open : List.of("/q/health/live", "/q/metrics", "/q/openapi")) {
            assertThat(RestAssured.given().get(open).statusCode()).as(open).isEqualTo(200);
        }
    }

    /** A registry tag of the pushed image that no other request has named. */
    private static String freshSourceTag() {
        String tag = unique("t");
        RegistryTags.tag(registry, REPOSITORY, "v1", tag);
        return tag;
    }

    private static Response importInto(RequestSpecification request, String namespace, String tag) {
        return request.contentType(ContentType.JSON)
                .body(body(source(tag), "app:v1", true))
                .post(IMPORTS, namespace);
    }

    private static String source(String tag) {
        return registry.host() + "/" + REPOSITORY + ":" + tag;
    }

    /**
     * Nothing in the outbox, and then a later, allowed import of the same registry tag is the only one that asked
     * the registry and the only event about the tag: anything the refused request had written would have been
     * relayed before it.
     */
    private void assertNothingImportedOrPublished(String tag) {
        String source = source(tag);
        assertThat(database.outboxRowsOf(source)).isZero();

        String allowedNamespace = unique("team");
        importInto(Api.given(), allowedNamespace, tag).then().statusCode(200);

        List<KafkaTestClients.Consumed> published = KafkaTestClients.read(
                Topics.REGISTRY_TAG_EVENTS,
                record -> source.equals(record.key()),
                1,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30));
        assertThat(published).hasSize(1);
        assertThat(published.get(0).headers().get(CloudEventHeaders.TYPE))
                .isEqualTo(EventType.REGISTRY_TAG_CHANGED.type());
        assertThat(EventJson.read(published.get(0).value(), RegistryTagChanged.class)
                        .target()
                        .namespace())
                .isEqualTo(allowedNamespace);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> RegistryLog.manifestRequests(registry.logFile(), "HEAD", REPOSITORY, tag) > 0);
        assertThat(RegistryLog.manifestRequests(registry.logFile(), "HEAD", REPOSITORY, tag))
                .isOne();
    }
}
