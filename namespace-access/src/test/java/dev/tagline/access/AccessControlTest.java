package dev.tagline.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.tagline.testkit.AccessResource;
import dev.tagline.testkit.JwtIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Drives a stand-in API over HTTP with real signed JWTs and token-file tokens. */
@QuarkusTest
@QuarkusTestResource(AccessResource.class)
class AccessControlTest {

    private static final String THINGS = "/api/v1/namespaces/team-a/things";

    @TempDir
    Path keys;

    private static RequestSpecification as(List<String> groups) {
        return given().auth().oauth2(JwtIssuer.shared().token("alice", groups));
    }

    @ParameterizedTest(name = "{0} on team-a: GET {1}, POST {2}, DELETE {3}")
    @CsvSource({
        "team-b:admin, 404, 404, 404",
        "team-a:view,  200, 403, 403",
        "team-a:edit,  200, 200, 403",
        "team-a:admin, 200, 200, 200",
        "cluster-admin, 200, 200, 200"
    })
    void each_role_allows_what_it_names_and_hides_namespaces_it_has_no_role_in(
            String group, int get, int post, int delete) {
        as(List.of(group)).get(THINGS).then().statusCode(get);
        as(List.of(group)).post(THINGS).then().statusCode(post);
        as(List.of(group)).delete(THINGS).then().statusCode(delete);
    }

    @Test
    void a_hidden_namespace_is_answered_like_a_missing_one() {
        as(List.of("team-b:edit"))
                .get(THINGS)
                .then()
                .statusCode(404)
                .body("error", equalTo("namespace team-a not found"))
                .body("field", equalTo("namespace"));
    }

    @Test
    void a_forbidden_change_names_the_role_it_needs() {
        as(List.of("team-a:view"))
                .post(THINGS)
                .then()
                .statusCode(403)
                .body("error", equalTo("this needs the edit role in namespace team-a"));
    }

    @Test
    void no_token_is_refused_with_a_bearer_challenge() {
        given().get(THINGS)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"tagline\"")
                .body("field", equalTo("Authorization"));
    }

    @Test
    void a_basic_credential_is_refused() {
        given().auth()
                .preemptive()
                .basic("alice", "secret")
                .get(THINGS)
                .then()
                .statusCode(401)
                .body("error", equalTo("the Authorization header must be a Bearer token"));
    }

    @Test
    void an_expired_token_is_refused() {
        given().auth()
                .oauth2(JwtIssuer.shared()
                        .token("alice", List.of("team-a:admin"), Instant.now().minusSeconds(600)))
                .get(THINGS)
                .then()
                .statusCode(401);
    }

    @Test
    void a_token_signed_by_another_key_is_refused() {
        JwtIssuer stranger = JwtIssuer.create(keys.resolve("stranger.pem"));
        given().auth()
                .oauth2(stranger.token("alice", List.of("cluster-admin")))
                .get(THINGS)
                .then()
                .statusCode(401);
    }

    @Test
    void a_token_without_roles_is_refused() {
        as(List.of()).get(THINGS).then().statusCode(401).body("error", equalTo("the token carries no Tagline roles"));
        as(List.of("developers", "team-a:owner")).get(THINGS).then().statusCode(401);
        given().auth().oauth2("local-no-roles-token-0002").get(THINGS).then().statusCode(401);
    }

    @Test
    void a_garbage_token_is_refused() {
        given().auth().oauth2("not-a-jwt").get(THINGS).then().statusCode(401);
    }

    @Test
    void a_token_file_token_carries_its_groups() {
        given().auth()
                .oauth2("local-editor-token-0001")
                .post("/api/v1/namespaces/team-local/things")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2("local-editor-token-0001")
                .get("/api/v1/namespaces/team-local/things")
                .then()
                .statusCode(200)
                .body(equalTo("local-editor read team-local"));
        given().auth()
                .oauth2("local-editor-token-0001")
                .post("/api/v1/namespaces/team-other/things")
                .then()
                .statusCode(403);
    }

    @Test
    void using_another_namespace_needs_a_role_there_too() {
        String copies = "/api/v1/namespaces/team-a/things/copies";
        as(List.of("team-a:edit", "team-b:view"))
                .queryParam("from", "team-b")
                .post(copies)
                .then()
                .statusCode(200);
        as(List.of("team-a:edit"))
                .queryParam("from", "team-b")
                .post(copies)
                .then()
                .statusCode(404)
                .body("field", equalTo("from.namespace"));
    }

    @Test
    void paths_without_a_namespace_are_for_cluster_admins() {
        as(List.of("team-a:admin")).get("/api/v1/everything").then().statusCode(403);
        as(List.of("cluster-admin")).get("/api/v1/everything").then().statusCode(200);
    }

    @Test
    void health_stays_open() {
        given().get("/q/health/live").then().statusCode(200);
    }
}
