package dev.tagline.tags;

import static dev.tagline.tags.Api.as;
import static dev.tagline.tags.Api.given;
import static dev.tagline.tags.Policies.FINGERPRINT;
import static dev.tagline.tags.Policies.KEY;
import static dev.tagline.tags.TestData.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The image policy API over REST against the real database: its shapes, who may call it, and what it refuses. */
@QuarkusTest
class ImagePolicyApiTest {

    private static final String POLICIES = "/api/v1/namespaces/{ns}/imagepolicies";
    private static final String POLICY = POLICIES + "/{name}";

    @Test
    void put_creates_then_replaces_and_the_policy_reads_back_with_the_fingerprints_of_its_keys() {
        String namespace = unique("team");
        String second = Policies.newKey();

        Policies.put(namespace, "signed", List.of("*"), List.of(KEY))
                .statusCode(201)
                .header("Location", containsString("/api/v1/namespaces/" + namespace + "/imagepolicies/signed"))
                .body("namespace", equalTo(namespace))
                .body("name", equalTo("signed"))
                .body("streams", contains("*"))
                .body("publicKeys", contains(KEY))
                .body("fingerprints", contains(FINGERPRINT));
        Policies.put(namespace, "signed", List.of("app", "web"), List.of(KEY, second))
                .statusCode(200)
                .body("streams", contains("app", "web"))
                .body("fingerprints", hasSize(2))
                .body("fingerprints[0]", equalTo(FINGERPRINT));

        given().get(POLICY, namespace, "signed").then().statusCode(200).body("streams", contains("app", "web"));
        given().get(POLICIES, namespace).then().statusCode(200).body("name", contains("signed"));
        given().delete(POLICY, namespace, "signed").then().statusCode(204);
        given().get(POLICY, namespace, "signed").then().statusCode(404).body("field", equalTo("name"));
        given().get(POLICIES, namespace).then().statusCode(200).body("", hasSize(0));
    }

    /** One call of each endpoint on a namespace whose policy {@code signed} covers every stream. */
    enum Call {
        LIST((request, namespace) -> request.get(POLICIES, namespace)),
        READ((request, namespace) -> request.get(POLICY, namespace, "signed")),
        PUT((request, namespace) -> request.contentType(ContentType.JSON)
                .body(Policies.body(List.of("app"), List.of(KEY)))
                .put(POLICY, namespace, "signed")),
        DELETE((request, namespace) -> request.delete(POLICY, namespace, "signed"));

        private final BiFunction<RequestSpecification, String, Response> send;

        Call(BiFunction<RequestSpecification, String, Response> send) {
            this.send = send;
        }
    }

    @ParameterizedTest(name = "{0}: no role {1}, view {2}, edit {3}, admin {4}")
    @CsvSource(delimiter = '|', textBlock = """
            LIST   | 404 | 200 | 200 | 200
            READ   | 404 | 200 | 200 | 200
            PUT    | 404 | 403 | 403 | 200
            DELETE | 404 | 403 | 403 | 204
            """)
    void admin_changes_policies_view_reads_them_and_a_refusal_changes_nothing(
            Call call, int noRole, int view, int edit, int admin) {
        answers(call, namespace -> List.of(unique("elsewhere") + ":admin"), noRole);
        answers(call, namespace -> List.of(namespace + ":view"), view);
        answers(call, namespace -> List.of(namespace + ":edit"), edit);
        answers(call, namespace -> List.of(namespace + ":admin"), admin);
    }

    private static void answers(Call call, Function<String, List<String>> groupsIn, int status) {
        String namespace = unique("team");
        Policies.put(namespace, "signed", List.of("*"), List.of(KEY)).statusCode(201);

        call.send.apply(as(groupsIn.apply(namespace)), namespace).then().statusCode(status);

        if (status >= 400) {
            given().get(POLICY, namespace, "signed").then().statusCode(200).body("streams", contains("*"));
        }
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"streams":[],"publicKeys":["KEY"]}                        | streams
            {"publicKeys":["KEY"]}                                     | streams
            {"streams":["app","Not_A_Name"],"publicKeys":["KEY"]}      | streams[1]
            {"streams":["*","app"],"publicKeys":["KEY"]}               | streams[0]
            {"streams":["app","app"],"publicKeys":["KEY"]}             | streams[1]
            {"streams":["app"],"publicKeys":[]}                        | publicKeys
            {"streams":["app"]}                                        | publicKeys
            {"streams":["app"],"publicKeys":["not a key"]}             | publicKeys[0]
            {"streams":["app"],"publicKeys":["KEY","KEY"]}             | publicKeys[1]
            {"streams":["app"],"publicKeys":["KEY",null]}              | publicKeys[1]
            """)
    void invalid_policies_are_refused_naming_the_field_and_store_nothing(String body, String field) {
        String namespace = unique("team");
        given().contentType(ContentType.JSON)
                .body(body.replace("KEY", KEY.replace("\n", "\\n")))
                .put(POLICY, namespace, "signed")
                .then()
                .statusCode(400)
                .body("field", equalTo(field))
                .body("error", notNullValue());
        given().get(POLICIES, namespace).then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void unsupported_keys_too_many_keys_or_streams_and_bad_names_are_refused_naming_the_field() {
        String namespace = unique("team");
        String p384 = """
                -----BEGIN PUBLIC KEY-----
                MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEIMzb1q4FxAMhXeWUY/Zu7yd45AzfEZk1
                Ux7+BNhtFt3zzbIgFTTCMoLvkz0DaPubTcCpg/83OV+IWV2Z9Mp+1dUoHHPLDLlK
                y9QB9RSdNGr4ZSDiDTeMRrpU5qAUe9ia
                -----END PUBLIC KEY-----
                """;
        Policies.put(namespace, "signed", List.of("app"), List.of(KEY, p384))
                .statusCode(400)
                .body("field", equalTo("publicKeys[1]"))
                .body("error", containsString("P-256"));
        List<String> nineKeys =
                IntStream.range(0, 9).mapToObj(i -> Policies.newKey()).toList();
        Policies.put(namespace, "signed", List.of("app"), nineKeys)
                .statusCode(400)
                .body("field", equalTo("publicKeys"));
        List<String> streams = IntStream.range(0, 101).mapToObj(i -> "s" + i).toList();
        Policies.put(namespace, "signed", streams, List.of(KEY)).statusCode(400).body("field", equalTo("streams"));
        Policies.put(namespace, "Bad_Name", List.of("app"), List.of(KEY))
                .statusCode(400)
                .body("field", equalTo("name"));
        given().contentType(ContentType.JSON)
                .body("{\"streams\":{\"app\":1},\"publicKeys\":[]}")
                .put(POLICY, namespace, "signed")
                .then()
                .statusCode(400);
        given().get(POLICIES, namespace).then().statusCode(200).body("", hasSize(0));
    }
}
