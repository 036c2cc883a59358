package dev.tagline.triggers;

import static dev.tagline.triggers.TestData.digest;
import static dev.tagline.triggers.TestData.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.tagline.testkit.JwtIssuer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may do what, over HTTP with real signed JWTs: view reads triggers and deliveries, edit changes them, a
 * namespace the caller has no role in is answered as missing, and a trigger follows a tag in another namespace
 * only if whoever points it there may view that namespace.
 */
@QuarkusTest
class TriggerAccessTest {

    @TempDir
    Path keys;

    /** One request of each kind the API serves, against a namespace holding trigger {@code web} and a delivery. */
    private record Call(String name, Function<RequestSpecification, Response> send) {}

    /** A namespace with a trigger whose tag moved once, so that it has a delivery to redeliver. */
    private record Fixture(FollowedImageStreamTag tag, Map<String, Object> web, long deliveryId) {

        String namespace() {
            return tag.namespace();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # role in the namespace | list | create | read | replace | delete | deliveries | redeliver | preview
            none (admin elsewhere)  | 404  | 404    | 404  | 404     | 404    | 404        | 404       | 404
            view                    | 200  | 403    | 200  | 403     | 403    | 200        | 403       | 200
            edit                    | 200  | 201    | 200  | 200     | 204    | 200        | 202       | 200
            admin                   | 200  | 201    | 200  | 200     | 204    | 200        | 202       | 200
            cluster-admin           | 200  | 201    | 200  | 200     | 204    | 200        | 202       | 200
            """, delimiter = '|')
    void each_role_may_do_what_it_names_on_every_endpoint(
            String role,
            int list,
            int create,
            int read,
            int replace,
            int delete,
            int deliveries,
            int redeliver,
            int preview) {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Fixture fixture = fixture(receiver);
            List<String> groups = switch (role) {
                case "none (admin elsewhere)" -> List.of(unique("elsewhere") + ":admin");
                case "cluster-admin" -> List.of("cluster-admin");
                default -> List.of(fixture.namespace() + ":" + role);
            };
            Map<String, Integer> expected = new LinkedHashMap<>();
            List<Integer> statuses = List.of(list, create, read, replace, delete, deliveries, redeliver, preview);
            List<Call> calls = calls(fixture);
            for (int i = 0; i < calls.size(); i++) {
                expected.put(calls.get(i).name(), statuses.get(i));
            }

            Map<String, Integer> answered = new LinkedHashMap<>();
            Map<String, String> refusedFields = new LinkedHashMap<>();
            for (Call call : calls) {
                Response response = call.send().apply(as(groups));
                answered.put(call.name(), response.statusCode());
                if (response.statusCode() == 403 || response.statusCode() == 404) {
                    refusedFields.put(call.name(), response.jsonPath().getString("field"));
                }
            }

            assertThat(answered).containsExactlyEntriesOf(expected);
            assertThat(refusedFields)
                    .allSatisfy((call, field) -> assertThat(field).as(call).isEqualTo("namespace"));
            // A refused creation wrote nothing; an allowed one was deleted again.
            AsClusterAdmin.given()
                    .get("/api/v1/namespaces/{ns}/triggers", fixture.namespace())
                    .then()
                    .statusCode(200)
                    .body("name", contains("web"));
        }
    }

    @Test
    void a_refusal_says_which_role_is_needed_and_a_hidden_namespace_looks_missing() {
        String namespace = unique("team");
        as(List.of(namespace + ":view"))
                .contentType(ContentType.JSON)
                .body(TriggersApi.deployTrigger("web", FollowedImageStreamTag.fresh(), null, null))
                .post("/api/v1/namespaces/{ns}/triggers", namespace)
                .then()
                .statusCode(403)
                .body("error", equalTo("this needs the edit role in namespace " + namespace))
                .body("field", equalTo("namespace"));
        as(List.of(unique("team") + ":admin"))
                .get("/api/v1/namespaces/{ns}/triggers", namespace)
                .then()
                .statusCode(404)
                .body("error", equalTo("namespace " + namespace + " not found"));
    }

    @Test
    void every_endpoint_refuses_a_missing_expired_foreign_or_roleless_token() {
        // Nothing needs to exist: the token is refused before any lookup.
        FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
        Fixture nothingYet = new Fixture(tag, TriggersApi.deployTrigger("web", tag, null, null), 1);
        JwtIssuer stranger = JwtIssuer.create(keys.resolve("stranger.pem"));
        Map<String, Function<RequestSpecification, RequestSpecification>> credentials = new LinkedHashMap<>();
        credentials.put("no token", request -> request);
        credentials.put(
                "an expired token",
                request -> request.auth()
                        .oauth2(JwtIssuer.shared()
                                .token(
                                        "alice",
                                        List.of("cluster-admin"),
                                        Instant.now().minusSeconds(600))));
        credentials.put(
                "a token signed by another key",
                request -> request.auth().oauth2(stranger.token("alice", List.of("cluster-admin"))));
        credentials.put(
                "a token without roles",
                request -> request.auth().oauth2(JwtIssuer.shared().token("alice", List.of())));

        for (var credential : credentials.entrySet()) {
            for (Call call : calls(nothingYet)) {
                Response response = call.send().apply(credential.getValue().apply(given()));
                assertThat(response.statusCode())
                        .as(credential.getKey() + " on " + call.name())
                        .isEqualTo(401);
                assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
            }
        }
        // None of them created anything.
        AsClusterAdmin.given()
                .get("/api/v1/namespaces/{ns}/triggers", tag.namespace())
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void a_trigger_may_follow_a_tag_in_another_namespace_only_if_its_creator_may_view_it() {
        FollowedImageStreamTag elsewhere = FollowedImageStreamTag.fresh();
        String ci = unique("ci");
        Map<String, Object> builder = TriggersApi.deployTrigger("builder", elsewhere, null, null);

        create(List.of(ci + ":edit"), ci, builder)
                .statusCode(404)
                .body("field", equalTo("from.namespace"))
                .body("error", equalTo("namespace " + elsewhere.namespace() + " not found"));
        AsClusterAdmin.given()
                .get("/api/v1/namespaces/{ns}/triggers", ci)
                .then()
                .body("size()", equalTo(0));

        create(List.of(ci + ":edit", elsewhere.namespace() + ":view"), ci, builder)
                .statusCode(201)
                .body("from.namespace", equalTo(elsewhere.namespace()));
    }

    @Test
    void a_new_from_needs_view_on_its_namespace_but_keeping_the_old_one_does_not() {
        FollowedImageStreamTag followed = FollowedImageStreamTag.fresh();
        FollowedImageStreamTag other = FollowedImageStreamTag.fresh();
        String ci = unique("ci");
        Map<String, Object> builder = TriggersApi.deployTrigger("builder", followed, null, null);
        TriggersApi.created(ci, builder);
        List<String> colleague = List.of(ci + ":edit");

        // Whoever may change the trigger may pause it, though they cannot see the tag it follows.
        replace(colleague, ci, TriggersApi.paused(builder, true))
                .statusCode(200)
                .body("paused", equalTo(true));

        Map<String, Object> repointed = TriggersApi.deployTrigger("builder", other, null, null);
        replace(colleague, ci, repointed).statusCode(404).body("field", equalTo("from.namespace"));
        TriggersApi.get(ci, "builder").body("from.namespace", equalTo(followed.namespace()));

        replace(List.of(ci + ":edit", other.namespace() + ":view"), ci, repointed)
                .statusCode(200)
                .body("from.namespace", equalTo(other.namespace()));
    }

    @Test
    void the_impact_preview_shows_only_triggers_the_caller_may_view_and_counts_the_others() {
        FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
        String ci = unique("ci");
        String audit = unique("audit");
        TriggersApi.created(tag.namespace(), TriggersApi.deployTrigger("web", tag, null, null));
        TriggersApi.created(ci, TriggersApi.deployTrigger("builder", tag, null, null));
        TriggersApi.created(audit, TriggersApi.deployTrigger("recorder", tag, null, null));
        String path = "/api/v1/namespaces/" + tag.namespace() + "/imagestreamtags/" + tag.name() + "/triggers";

        String shown = as(List.of(tag.namespace() + ":view", ci + ":edit"))
                .get(path)
                .then()
                .statusCode(200)
                .body("triggers.name", contains("web", "builder"))
                .body("hiddenTriggers", equalTo(1))
                .extract()
                .asString();
        assertThat(shown).doesNotContain(audit).doesNotContain("recorder");
        as(List.of("cluster-admin"))
                .get(path)
                .then()
                .statusCode(200)
                .body("triggers.name", contains("web", "builder", "recorder"))
                .body("hiddenTriggers", equalTo(0));
        as(List.of(ci + ":admin")).get(path).then().statusCode(404).body("error", not(containsString("builder")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi"})
    void health_metrics_and_openapi_need_no_token(String path) {
        given().get(path).then().statusCode(200);
    }

    private static RequestSpecification as(List<String> groups) {
        return given().auth().oauth2(JwtIssuer.shared().token("alice", groups));
    }

    private static ValidatableResponse create(List<String> groups, String namespace, Map<String, Object> body) {
        return as(groups)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/namespaces/{ns}/triggers", namespace)
                .then();
    }

    private static ValidatableResponse replace(List<String> groups, String namespace, Map<String, Object> body) {
        return as(groups)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/namespaces/{ns}/triggers/{name}", namespace, body.get("name"))
                .then();
    }

    /** Set up by a cluster admin: trigger {@code web} with a webhook, and the delivery of its tag's first move. */
    private static Fixture fixture(WebhookReceiver receiver) {
        FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
        Map<String, Object> web = TriggersApi.deployTrigger("web", tag, receiver.url(), TestData.secret());
        TriggersApi.created(tag.namespace(), web);
        tag.moveTo(digest());
        TriggerFiringTest.awaitDeliveries(tag.namespace(), "web", 1, "succeeded");
        long deliveryId = TriggersApi.deliveries(tag.namespace(), "web")
                .extract()
                .jsonPath()
                .getLong("[0].id");
        return new Fixture(tag, web, deliveryId);
    }

    /** In the order of the matrix's columns; the creation comes before the deletion of what it created. */
    private static List<Call> calls(Fixture fixture) {
        String triggers = "/api/v1/namespaces/" + fixture.namespace() + "/triggers";
        Map<String, Object> extra = TriggersApi.deployTrigger("extra", fixture.tag(), null, null);
        return List.of(
                new Call("list triggers", request -> request.get(triggers)),
                new Call(
                        "create a trigger",
                        request -> request.contentType(ContentType.JSON)
                                .body(extra)
                                .post(triggers)),
                new Call("read a trigger", request -> request.get(triggers + "/web")),
                new Call(
                        "replace a trigger",
                        request -> request.contentType(ContentType.JSON)
                                .body(TriggersApi.paused(fixture.web(), false))
                                .put(triggers + "/web")),
                new Call("delete a trigger", request -> request.delete(triggers + "/extra")),
                new Call("list deliveries", request -> request.get(triggers + "/web/deliveries")),
                new Call(
                        "redeliver",
                        request -> request.post(triggers + "/web/deliveries/" + fixture.deliveryId() + "/redeliver")),
                new Call(
                        "preview a move",
                        request -> request.get("/api/v1/namespaces/" + fixture.namespace() + "/imagestreamtags/"
                                + fixture.tag().name() + "/triggers")));
    }
}
