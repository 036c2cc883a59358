package dev.tagline.tags;

import static dev.tagline.tags.Api.as;
import static dev.tagline.tags.Api.given;
import static dev.tagline.tags.TagOps.get;
import static dev.tagline.tags.TagOps.tag;
import static dev.tagline.tags.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.tagline.events.Topics;
import dev.tagline.testkit.JwtIssuer;
import dev.tagline.testkit.KafkaTestClients;
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
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who may call what, over REST against the real database and broker, with tokens signed as an identity provider
 * signs them: every endpoint for every role, tagging across namespaces, and tokens that are refused.
 */
@QuarkusTest
class TagAccessTest {

    private static final String STREAMS = "/api/v1/namespaces/{ns}/imagestreams";
    private static final String STREAM = STREAMS + "/app";
    private static final String TAGS = "/api/v1/namespaces/{ns}/imagestreamtags";
    private static final String TAG = TAGS + "/app:v1";

    private final TagsDatabase database = TagsDatabase.ofApp();

    @TempDir
    Path keys;

    /** A namespace with stream {@code app}, whose tag {@code v1} pointed at {@code first} and now at {@code second}. */
    private record Fixture(String namespace, String first, String second) {

        static Fixture create() {
            String namespace = unique("team");
            String first = TagOps.pointAtNewImage(namespace, "app:v1");
            return new Fixture(namespace, first, TagOps.pointAtNewImage(namespace, "app:v1"));
        }
    }

    /** One call of each endpoint, as a client makes it; each succeeds on its fixture when allowed. */
    enum Call {
        LIST_STREAMS((request, f) -> request.get(STREAMS, f.namespace())),
        CREATE_STREAM(
                (request, f) -> json(request, "{\"name\":\"web\",\"tags\":[]}").post(STREAMS, f.namespace())),
        READ_STREAM((request, f) -> request.get(STREAM, f.namespace())),
        REPLACE_STREAM((request, f) -> json(request, """
                {"name":"app","tags":[{"name":"v1","from":{"kind":"DockerImage","name":"nginx"}}]}""").put(STREAM, f.namespace())),
        DELETE_STREAM((request, f) -> request.delete(STREAM, f.namespace())),
        READ_TAG((request, f) -> request.get(TAG, f.namespace())),
        PUT_TAG((request, f) -> json(request, "{\"from\":{\"kind\":\"DockerImage\",\"name\":\"nginx\"}}")
                .put(TAGS + "/app:v2", f.namespace())),
        DELETE_TAG((request, f) -> request.delete(TAG, f.namespace())),
        TAG_OPERATION((request, f) -> json(request, """
                {"from":{"kind":"ImageStreamTag","name":"app:v1"},"to":["app:prod"]}""").post(TAGS, f.namespace())),
        ROLL_BACK((request, f) ->
                json(request, "{\"image\":\"" + f.first() + "\"}").post(TAG + "/rollback", f.namespace())),
        RELEASE((request, f) -> request.post(TAG + "/release", f.namespace())),
        READ_IMAGE((request, f) ->
                request.get("/api/v1/namespaces/{ns}/imagestreamimages/app@{digest}", f.namespace(), f.first()));

        private final BiFunction<RequestSpecification, Fixture, Response> send;

        Call(BiFunction<RequestSpecification, Fixture, Response> send) {
            this.send = send;
        }

        Response send(RequestSpecification request, Fixture fixture) {
            return send.apply(request, fixture);
        }

        private static RequestSpecification json(RequestSpecification request, String body) {
            return request.contentType(ContentType.JSON).body(body);
        }
    }

    @ParameterizedTest(name = "{0}: no role {1}, view {2}, edit {3}, admin {4}, cluster-admin {5}")
    @CsvSource(delimiter = '|', textBlock = """
            LIST_STREAMS   | 404 | 200 | 200 | 200 | 200
            CREATE_STREAM  | 404 | 403 | 201 | 201 | 201
            READ_STREAM    | 404 | 200 | 200 | 200 | 200
            REPLACE_STREAM | 404 | 403 | 200 | 200 | 200
            DELETE_STREAM  | 404 | 403 | 403 | 204 | 204
            READ_TAG       | 404 | 200 | 200 | 200 | 200
            PUT_TAG        | 404 | 403 | 200 | 200 | 200
            DELETE_TAG     | 404 | 403 | 204 | 204 | 204
            TAG_OPERATION  | 404 | 403 | 200 | 200 | 200
            ROLL_BACK      | 404 | 403 | 200 | 200 | 200
            RELEASE        | 404 | 403 | 200 | 200 | 200
            READ_IMAGE     | 404 | 200 | 200 | 200 | 200
            """)
    void each_role_may_call_what_the_role_model_says_and_a_refusal_changes_nothing(
            Call call, int noRole, int view, int edit, int admin, int clusterAdmin) {
        answers(call, namespace -> List.of(unique("elsewhere") + ":admin"), noRole);
        answers(call, namespace -> List.of(namespace + ":view"), view);
        answers(call, namespace -> List.of(namespace + ":edit"), edit);
        answers(call, namespace -> List.of(namespace + ":admin"), admin);
        answers(call, namespace -> List.of("cluster-admin"), clusterAdmin);
    }

    private void answers(Call call, Function<String, List<String>> groupsIn, int status) {
        Fixture fixture = Fixture.create();
        List<String> groups = groupsIn.apply(fixture.namespace());
        long written = database.outboxRowsOf(fixture.namespace());
        Response response = call.send(as(groups), fixture);
        assertThat(response.statusCode())
                .as("%s as %s: %s", call, groups, response.asString())
                .isEqualTo(status);
        if (status == 403 || status == 404) {
            response.then().body("field", equalTo("namespace"));
            assertThat(database.outboxRowsOf(fixture.namespace())).isEqualTo(written);
        }
    }

    @Test
    void a_viewer_of_a_namespace_reads_its_streams_tags_and_images_without_any_cluster_wide_role() {
        Fixture fixture = Fixture.create();
        List<String> viewer = List.of(fixture.namespace() + ":view");

        as(viewer).get(STREAMS, fixture.namespace()).then().statusCode(200).body("name", contains("app"));
        as(viewer).get(STREAM, fixture.namespace()).then().statusCode(200).body("spec.tags.name", contains("v1"));
        as(viewer)
                .get(TAG, fixture.namespace())
                .then()
                .statusCode(200)
                .body("image.digest", equalTo(fixture.second()))
                .body("history.image", contains(fixture.second(), fixture.first()));
        as(viewer)
                .get("/api/v1/namespaces/{ns}/imagestreamimages/app@{digest}", fixture.namespace(), fixture.first())
                .then()
                .statusCode(200)
                .body("image.digest", equalTo(fixture.first()))
                .body("tags", contains("v1"));
    }

    @Test
    void a_namespace_the_caller_has_no_role_in_is_answered_alike_whether_or_not_it_exists() {
        String existing = Fixture.create().namespace();
        String missing = unique("team");
        List<String> outsider = List.of(unique("elsewhere") + ":admin");

        for (String namespace : List.of(existing, missing)) {
            as(outsider)
                    .get(STREAM, namespace)
                    .then()
                    .statusCode(404)
                    .body("error", equalTo("namespace " + namespace + " not found"))
                    .body("field", equalTo("namespace"));
        }
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            SRC:view,DST:edit | DST | {"from":{"kind":"ImageStreamTag","namespace":"SRC","name":"app:candidate"},"to":["app:prod"]}
            SRC:view,DST:edit | DST | {"from":{"kind":"ImageStreamTag","namespace":"SRC","name":"app:candidate"},"to":["app:prod"],"alias":true}
            SRC:view,DST:edit | DST | {"from":{"kind":"ImageStreamImage","namespace":"SRC","name":"app@DIGEST"},"to":["app:prod"]}
            SRC:edit,DST:edit | SRC | {"from":{"kind":"ImageStreamTag","name":"app:candidate"},"to":["DST/app:prod"]}
            """)
    void tagging_across_namespaces_with_view_on_the_source_and_edit_on_the_destination_works(
            String groups, String path, String body) {
        CrossNamespace names = CrossNamespace.create();

        as(names.groups(groups))
                .contentType(ContentType.JSON)
                .body(names.fill(body))
                .post(TAGS, names.fill(path))
                .then()
                .statusCode(200)
                .body("namespace", contains(names.destination()))
                .body("image.digest", contains(names.digest()));
        get(names.destination(), "app:prod").statusCode(200).body("image.digest", equalTo(names.digest()));
    }

    @ParameterizedTest(name = "{0} on {1}: {2} is {3}, naming {4}")
    @CsvSource(delimiter = '|', textBlock = """
            DST:edit          | DST | {"from":{"kind":"ImageStreamTag","namespace":"SRC","name":"app:candidate"},"to":["app:prod"]}                | 404 | from.namespace
            DST:edit          | DST | {"from":{"kind":"ImageStreamTag","namespace":"SRC","name":"app:candidate"},"to":["app:prod"],"alias":true}   | 404 | from.namespace
            DST:edit          | DST | {"from":{"kind":"ImageStreamImage","namespace":"SRC","name":"app@DIGEST"},"to":["app:prod"]}              | 404 | from.namespace
            SRC:edit,DST:view | SRC | {"from":{"kind":"ImageStreamTag","name":"app:candidate"},"to":["DST/app:prod"]}                             | 403 | to[0]
            SRC:edit          | SRC | {"from":{"kind":"ImageStreamTag","name":"app:candidate"},"to":["DST/app:prod"]}                             | 404 | to[0]
            SRC:edit,DST:view | SRC | {"from":{"kind":"ImageStreamTag","name":"app:candidate"},"to":["app:prod","DST/app:prod"]}                  | 403 | to[1]
            SRC:view,DST:edit | SRC | {"from":{"kind":"ImageStreamTag","name":"app:candidate"},"to":["DST/app:prod"]}                             | 403 | namespace
            """)
    void tagging_across_namespaces_without_the_rights_is_refused_and_changes_and_publishes_nothing(
            String groups, String path, String body, int status, String field) {
        CrossNamespace names = CrossNamespace.create();
        long written = database.outboxRowsOf(names.source());

        as(names.groups(groups))
                .contentType(ContentType.JSON)
                .body(names.fill(body))
                .post(TAGS, names.fill(path))
                .then()
                .statusCode(status)
                .body("field", equalTo(field))
                .body("error", notNullValue());

        get(names.source(), "app:prod").statusCode(404);
        given().get(STREAMS, names.destination()).then().statusCode(200).body("", hasSize(0));
        assertThat(database.outboxRowsOf(names.source())).isEqualTo(written);
        assertThat(database.outboxRowsOf(names.destination())).isZero();
        // Anything the refused request had written would be relayed before this later, allowed change.
        tag(names.source(), """
                {"from":{"kind":"ImageStreamTag","name":"app:candidate"},"to":["marker:v1","%s/marker:v1"]}""".formatted(names.destination())).statusCode(200);
        List<KafkaTestClients.Consumed> published = KafkaTestClients.read(
                Topics.IMAGESTREAM_TAG_EVENTS,
                event -> names.isAbout(event.key()) && !event.key().equals(names.source() + "/app:candidate"),
                4,
                Duration.ofSeconds(1),
                Duration.ofSeconds(20));
        assertThat(published)
                .extracting(KafkaTestClients.Consumed::key)
                .containsOnly(names.source() + "/marker:v1", names.destination() + "/marker:v1");
    }

    @Test
    void writing_a_spec_that_follows_a_tag_in_another_namespace_needs_view_there() {
        CrossNamespace names = CrossNamespace.create();
        tag(names.destination(), names.fill("""
                {"from":{"kind":"ImageStreamTag","namespace":"SRC","name":"app:candidate"},
                 "to":["app:prod"],"alias":true}""")).statusCode(200);
        List<Map<String, Object>> specs = given().get(STREAM, names.destination())
                .then()
                .statusCode(200)
                .extract()
                .path("spec.tags");
        Map<String, Object> stream = Map.of("name", "app", "tags", specs);
        long written = database.outboxRowsOf(names.destination());
        List<String> editor = List.of(names.destination() + ":edit");

        as(editor)
                .contentType(ContentType.JSON)
                .body(stream)
                .put(STREAM, names.destination())
                .then()
                .statusCode(404)
                .body("field", equalTo("tags[0].from.namespace"));
        as(editor)
                .contentType(ContentType.JSON)
                .body(specs.get(0))
                .put(TAGS + "/app:prod", names.destination())
                .then()
                .statusCode(404)
                .body("field", equalTo("from.namespace"));
        as(editor)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "web", "tags", specs))
                .post(STREAMS, names.destination())
                .then()
                .statusCode(404)
                .body("field", equalTo("tags[0].from.namespace"));
        assertThat(database.outboxRowsOf(names.destination())).isEqualTo(written);

        List<String> editorWhoMayView = List.of(names.destination() + ":edit", names.source() + ":view");
        as(editorWhoMayView)
                .contentType(ContentType.JSON)
                .body(stream)
                .put(STREAM, names.destination())
                .then()
                .statusCode(200)
                .body("spec.tags[0].from.namespace", equalTo(names.source()));
        as(editorWhoMayView)
                .contentType(ContentType.JSON)
                .body(specs.get(0))
                .put(TAGS + "/app:prod", names.destination())
                .then()
                .statusCode(200);
    }

    /** Tokens no identity provider we trust issued for a Tagline role, each tried on every endpoint. */
    enum RefusedToken {
        MISSING,
        EXPIRED,
        SIGNED_BY_ANOTHER_KEY,
        WITHOUT_ROLES,
        WITHOUT_TAGLINE_ROLES;

        /** The token, or null for none. */
        String token(Path keys) {
            List<String> admin = List.of("cluster-admin");
            return switch (this) {
                case MISSING -> null;
                case EXPIRED ->
                    JwtIssuer.shared().token("tests-user", admin, Instant.now().minusSeconds(600));
                case SIGNED_BY_ANOTHER_KEY ->
                    JwtIssuer.create(keys.resolve("stranger.pem")).token("tests-user", admin);
                case WITHOUT_ROLES -> JwtIssuer.shared().token("tests-user", List.of());
                case WITHOUT_TAGLINE_ROLES ->
                    JwtIssuer.shared().token("tests-user", List.of("developers", "team-a:owner"));
            };
        }
    }

    @ParameterizedTest
    @EnumSource(RefusedToken.class)
    void a_request_without_a_valid_token_with_roles_is_unauthorized_on_every_endpoint(RefusedToken token) {
        Fixture fixture = Fixture.create();
        long written = database.outboxRowsOf(fixture.namespace());
        String refused = token.token(keys);

        for (Call call : Call.values()) {
            RequestSpecification request = refused == null
                    ? RestAssured.given()
                    : RestAssured.given().auth().oauth2(refused);
            Response response = call.send(request, fixture);
            assertThat(response.statusCode())
                    .as("%s: %s", call, response.asString())
                    .isEqualTo(401);
            response.then()
                    .header("WWW-Authenticate", "Bearer realm=\"tagline\"")
                    .body("field", equalTo("Authorization"));
        }
        assertThat(database.outboxRowsOf(fixture.namespace())).isEqualTo(written);
        given().get(TAG, fixture.namespace()).then().statusCode(200).body("image.digest", equalTo(fixture.second()));
    }

    @Test
    void health_metrics_and_openapi_need_no_token() {
        for (String open : List.of("/q/health/live", "/q/metrics", "/q/openapi")) {
            assertThat(RestAssured.given().get(open).statusCode()).as(open).isEqualTo(200);
        }
    }

    /**
     * Two fresh namespaces, SRC with {@code app:candidate} pointing at an image, and DST, empty; bodies and
     * groups name them as {@code SRC}, {@code DST} and the image as {@code DIGEST}.
     */
    private record CrossNamespace(String source, String destination, String digest) {

        static CrossNamespace create() {
            String source = unique("src");
            return new CrossNamespace(source, unique("dst"), TagOps.pointAtNewImage(source, "app:candidate"));
        }

        String fill(String text) {
            return text.replace("SRC", source).replace("DST", destination).replace("DIGEST", digest);
        }

        List<String> groups(String groups) {
            return Arrays.stream(fill(groups).split(",")).toList();
        }

        boolean isAbout(String key) {
            return key.startsWith(source + "/") || key.startsWith(destination + "/");
        }
    }
}
