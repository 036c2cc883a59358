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

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Collections;
import java.util.List;
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

        Policies.put(namespace, "signed", List.of("*"), List.of(KEY)).statusCode(201)
                .header("Location", containsString("/api/v1/namespaces/" + namespace + "/imagepolicies/signed"))
                .body("namespace", equalTo(namespace)).body("name", equalTo("signed"))
                .body("streams", contains("*")).body("publicKeys", contains(KEY))
                .body("fingerprints", contains(FINGERPRINT));
        Policies.put(namespace, "signed", List.of("app", "web"), List.of(KEY, second)).statusCode(200)
                .body("streams", contains("app", "web")).body("fingerprints", hasSize(2))
                .body("fingerprints[0]", equalTo(FINGERPRINT));

        given().get(POLICY, namespace, "signed").then().statusCode(200).body("streams", contains("app", "web"));
        given().get(POLICIES, namespace).then().statusCode(200).body("name", contains("signed"));
        given().delete(POLICY, namespace, "signed").then().statusCode(204);
        given().get(POLICY, namespace, "signed").then().statusCode(404).body("field", equalTo("name"));
        given().get(POLICIES, namespace).then().statusCode(200).body("", hasSize(0));
    }

    @ParameterizedTest(name = "{0}: no role {1}, view {2}, edit {3}, admin {4}")
    @CsvSource(delimiter = '|', textBlock = """
            LIST   | 404 | 200 | 200 | 200
            READ   | 404 | 200 | 200 | 200
            PUT    | 404 | 403 | 403 | 200
            DELETE | 404 | 403 | 403 | 204
            """)
    void admin_changes_policies_and_view_reads_them(String call, int noRole, int view, int edit, int admin) {
        for (var role : List.of(List.of("none", String.valueOf(noRole)), List.of("view", String.valueOf(view)),
                List.of("edit", String.valueOf(edit)), List.of("admin", String.valueOf(admin)))) {
            String namespace = unique("team");
            Policies.put(namespace, "signed", List.of("*"), List.of(KEY)).statusCode(201);
            List<String> groups = role.get(0).equals("none")
                    ? List.of(unique("elsewhere") + ":admin")
                    : List.of(namespace + ":" + role.get(0));
            var request = as(groups);
            var response = switch (call) {
                case "LIST" -> request.get(POLICIES, namespace);
                case "READ" -> request.get(POLICY, namespace, "signed");
                case "PUT" -> request.contentType(ContentType.JSON)
                        .body(Policies.body(List.of("app"), List.of(KEY))).put(POLICY, namespace, "signed");
                default -> request.delete(POLICY, namespace, "signed");
            };
            response.then().statusCode(Integer.parseInt(role.get(1)));
            if (!call.equals("DELETE") || !role.get(0).equals("admin")) {
                given().get(POLICY, namespace, "signed").then().statusCode(200)
                        .body("streams", contains(call.equals("PUT") && role.get(0).equals("admin") ? "app" : "*"));
            }
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
        given().contentType(ContentType.JSON).body(body.replace("KEY", KEY.replace("\n", "\\n")))
                .put(POLICY, namespace, "signed").then().statusCode(400)
                .body("field", equalTo(field)).body("error", org.hamcrest.Matchers.notNullValue());
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
        Policies.put(namespace, "signed", List.of("app"), List.of(KEY, p384)).statusCode(400)
                .body("field", equalTo("publicKeys[1]")).body("error", containsString("P-256"));
        List<String> nineKeys = java.util.stream.IntStream.range(0, 9).mapToObj(i -> Policies.newKey()).toList();
        Policies.put(namespace, "signed", List.of("app"), nineKeys).statusCode(400)
                .body("field", equalTo("publicKeys"));
        List<String> streams = java.util.stream.IntStream.range(0, 101).mapToObj(i -> "s" + i).toList();
        Policies.put(namespace, "signed", streams, List.of(KEY)).statusCode(400).body("field", equalTo("streams"));
        Policies.put(namespace, "Bad_Name", List.of("app"), List.of(KEY)).statusCode(400)
                .body("field", equalTo("name"));
        given().contentType(ContentType.JSON).body("{\"streams\":\"app\",\"publicKeys\":" + Collections.emptyList()
                + "}").put(POLICY, namespace, "signed").then().statusCode(400);
        given().get(POLICIES, namespace).then().statusCode(200).body("", hasSize(0));
    }
}
