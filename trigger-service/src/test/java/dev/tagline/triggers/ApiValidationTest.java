package dev.tagline.triggers;

import static dev.tagline.triggers.AsClusterAdmin.given;
import static dev.tagline.triggers.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed and hostile requests get a 4xx with a JSON error naming the field, and change nothing. */
@QuarkusTest
class ApiValidationTest {

    private static final String FROM = "\"from\":{\"kind\":\"ImageStreamTag\",\"name\":\"app:prod\"}";

    private final TriggersDatabase database = TriggersDatabase.ofApp();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                      | {"name":"web",                                                   | body
            a name that is not a label    | {"name":"Web_1","kind":"deploy",FROM}                           | name
            no name                       | {"kind":"deploy",FROM}                                          | name
            an unknown kind               | {"name":"web","kind":"rollout",FROM}                            | kind
            no from                       | {"name":"web","kind":"deploy"}                                  | from
            a from of another kind        | {"name":"web","kind":"deploy","from":{"kind":"DockerImage","name":"nginx"}} | from.kind
            a from without a tag          | {"name":"web","kind":"deploy","from":{"kind":"ImageStreamTag","name":"app"}} | from.name
            a from with a bad tag         | {"name":"web","kind":"deploy","from":{"kind":"ImageStreamTag","name":"app:-x"}} | from.name
            a from in a bad namespace     | {"name":"web","kind":"deploy","from":{"kind":"ImageStreamTag","namespace":"Team A","name":"app:v1"}} | from.namespace
            params that are no object     | {"name":"web","kind":"deploy",FROM,"params":[1,2]}              | params
            a url that is no URL          | {"name":"web","kind":"deploy",FROM,"webhook":{"url":"not a url","secret":"SECRET"}} | webhook.url
            an ftp url                    | {"name":"web","kind":"deploy",FROM,"webhook":{"url":"ftp://127.0.0.1/x","secret":"SECRET"}} | webhook.url
            a url with credentials        | {"name":"web","kind":"deploy",FROM,"webhook":{"url":"http://me:pw@127.0.0.1/x","secret":"SECRET"}} | webhook.url
            a private address             | {"name":"web","kind":"deploy",FROM,"webhook":{"url":"http://10.1.2.3/x","secret":"SECRET"}} | webhook.url
            a link-local address          | {"name":"web","kind":"deploy",FROM,"webhook":{"url":"http://169.254.169.254/latest","secret":"SECRET"}} | webhook.url
            the unspecified address       | {"name":"web","kind":"deploy",FROM,"webhook":{"url":"http://0.0.0.0:8080/","secret":"SECRET"}} | webhook.url
            6to4 of a private address     | {"name":"web","kind":"deploy",FROM,"webhook":{"url":"http://[2002:a00:1::1]/x","secret":"SECRET"}} | webhook.url
            NAT64 of the loopback address | {"name":"web","kind":"deploy",FROM,"webhook":{"url":"http://[64:ff9b::7f00:1]/x","secret":"SECRET"}} | webhook.url
            loopback in octal             | {"name":"web","kind":"deploy",FROM,"webhook":{"url":"http://0177.0.0.1:9/x","secret":"SECRET"}} | webhook.url
            a host that does not resolve  | {"name":"web","kind":"deploy",FROM,"webhook":{"url":"http://nowhere.invalid/","secret":"SECRET"}} | webhook.url
            no secret                     | {"name":"web","kind":"deploy",FROM,"webhook":{"url":"http://127.0.0.1:9/x"}} | webhook.secret
            a secret that is no base64    | {"name":"web","kind":"deploy",FROM,"webhook":{"url":"http://127.0.0.1:9/x","secret":"whsec_not base64!"}} | webhook.secret
            a secret that is too short    | {"name":"web","kind":"deploy",FROM,"webhook":{"url":"http://127.0.0.1:9/x","secret":"whsec_c2hvcnQ="}} | webhook.secret
            """)
    void a_bad_trigger_is_refused_with_the_field_named_and_nothing_written(String why, String body, String field) {
        String namespace = unique("team");
        String secret = TestData.secret();
        given().contentType(ContentType.JSON)
                .body(body.replace("FROM", FROM).replace("SECRET", secret))
                .post("/api/v1/namespaces/{ns}/triggers", namespace)
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("field", equalTo(field))
                .body("error", notNullValue())
                // Not even a rejected secret is echoed back.
                .body("error", not(containsString(secret.substring("whsec_".length()))))
                .body("error", not(containsString("not base64")))
                .body("error", not(containsString("c2hvcnQ")));
        given().get("/api/v1/namespaces/{ns}/triggers", namespace)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        assertThat(database.outboxRowsOf(namespace)).isZero();
    }

    @Test
    void a_namespace_or_trigger_name_that_is_not_a_label_is_refused() {
        given().get("/api/v1/namespaces/{ns}/triggers", "Team_A")
                .then()
                .statusCode(400)
                .body("field", equalTo("namespace"));
        given().get("/api/v1/namespaces/team/triggers/{name}", "Web_1")
                .then()
                .statusCode(400)
                .body("field", equalTo("name"));
    }

    @Test
    void an_unknown_trigger_or_delivery_is_not_found() {
        String namespace = unique("team");
        TriggersApi.get(namespace, "missing").statusCode(404).body("field", equalTo("name"));
        TriggersApi.replace(
                        namespace,
                        "missing",
                        TriggersApi.deployTrigger("missing", FollowedImageStreamTag.fresh(), null, null))
                .statusCode(404);
        given().delete("/api/v1/namespaces/{ns}/triggers/missing", namespace)
                .then()
                .statusCode(404);
        TriggersApi.created(namespace, TriggersApi.deployTrigger("web", FollowedImageStreamTag.fresh(), null, null));
        TriggersApi.redeliver(namespace, "web", 123456789).statusCode(404).body("field", equalTo("id"));
        given().post("/api/v1/namespaces/{ns}/triggers/web/deliveries/abc/redeliver", namespace)
                .then()
                .statusCode(400)
                .body("field", equalTo("id"));
    }

    @Test
    void creating_a_trigger_that_exists_is_a_conflict() {
        String namespace = unique("team");
        Map<String, Object> web = TriggersApi.deployTrigger("web", FollowedImageStreamTag.fresh(), null, null);
        TriggersApi.created(namespace, web);
        TriggersApi.create(namespace, web).statusCode(409).body("field", equalTo("name"));
    }

    @Test
    void a_replacement_whose_body_names_another_trigger_is_refused() {
        String namespace = unique("team");
        FollowedImageStreamTag tag = FollowedImageStreamTag.fresh();
        TriggersApi.created(namespace, TriggersApi.deployTrigger("web", tag, null, null));
        TriggersApi.replace(namespace, "web", TriggersApi.deployTrigger("api", tag, null, null))
                .statusCode(400)
                .body("field", equalTo("name"));
    }

    @Test
    void a_preview_of_a_malformed_tag_or_digest_is_refused() {
        given().get("/api/v1/namespaces/team/imagestreamtags/app/triggers")
                .then()
                .statusCode(400)
                .body("field", equalTo("name"));
        given().get("/api/v1/namespaces/team/imagestreamtags/app:v1/triggers?digest=sha256:abc")
                .then()
                .statusCode(400)
                .body("field", equalTo("digest"));
    }
}
