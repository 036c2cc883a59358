package dev.tagline.tags;

import static dev.tagline.tags.Api.given;
import static dev.tagline.tags.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.tagline.testkit.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed and hostile requests get a 4xx with a JSON error naming the field, and publish nothing. */
@QuarkusTest
class ApiValidationTest {

    private final TagsDatabase database = TagsDatabase.ofApp();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON                   | {"name":"app",                                                  | body
            a name that is not a label | {"name":"App_1","tags":[]}                                     | name
            a dot-dot name             | {"name":"..","tags":[]}                                        | name
            a tag with a slash         | {"name":"app","tags":[{"name":"a/b","from":{"kind":"DockerImage","name":"nginx"}}]} | tags[0].name
            an upper-case reference    | {"name":"app","tags":[{"name":"v1","from":{"kind":"DockerImage","name":"Quay.io/App:v1"}}]} | tags[0].from.name
            a short digest             | {"name":"app","tags":[{"name":"v1","from":{"kind":"DockerImage","name":"nginx@sha256:abc"}}]} | tags[0].from.name
            an unknown kind            | {"name":"app","tags":[{"name":"v1","from":{"kind":"Nope","name":"nginx"}}]} | tags[0].from.kind
            a missing from             | {"name":"app","tags":[{"name":"v1"}]}                          | tags[0].from
            an alias made by a spec    | {"name":"app","tags":[{"name":"v1","from":{"kind":"ImageStreamTag","name":"base:v1"}}]} | tags[0].from.kind
            a duplicate tag            | {"name":"app","tags":[{"name":"v1","from":{"kind":"DockerImage","name":"nginx"}},{"name":"v1","from":{"kind":"DockerImage","name":"nginx"}}]} | tags[1].name
            a wrongly typed field      | {"name":"app","tags":{"name":"v1"}}                            | tags
            """)
    void a_bad_stream_is_refused_with_the_field_named_and_nothing_published(String why, String body, String field) {
        String namespace = unique("team");
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/namespaces/{ns}/imagestreams", namespace)
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("field", equalTo(field))
                .body("error", notNullValue());
        assertThat(database.outboxRowsOf(namespace)).isZero();
    }

    @Test
    void a_namespace_that_is_not_a_label_is_refused() {
        given().get("/api/v1/namespaces/{ns}/imagestreams", "Team_A")
                .then()
                .statusCode(400)
                .body("field", equalTo("namespace"));
    }

    @Test
    void a_malformed_image_stream_tag_name_is_refused() {
        given().get("/api/v1/namespaces/team/imagestreamtags/app")
                .then()
                .statusCode(400)
                .body("field", equalTo("name"));
        given().get("/api/v1/namespaces/team/imagestreamimages/app@sha256:abc")
                .then()
                .statusCode(400)
                .body("field", equalTo("digest"));
    }

    @Test
    void a_five_megabyte_body_is_refused_before_it_is_read() throws Exception {
        String namespace = unique("team");
        // Only the headers are sent: the answer must come without the service reading a byte of the body.
        String response = RawHttp.exchange(
                RestAssured.port,
                "POST /api/v1/namespaces/" + namespace
                        + "/imagestreams HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                        + 5 * 1024 * 1024 + "\r\n\r\n",
                new byte[0]);
        assertThat(response)
                .startsWith("HTTP/1.1 413")
                .contains("application/json")
                .contains("\"field\":\"body\"");
        assertThat(database.outboxRowsOf(namespace)).isZero();
    }

    @Test
    void a_history_page_size_that_is_not_a_number_is_refused() {
        given().get("/api/v1/namespaces/team/imagestreamtags/app:v1?limit=lots")
                .then()
                .statusCode(400)
                .body("field", equalTo("limit"));
        given().get("/api/v1/namespaces/team/imagestreamtags/app:v1?before=-1")
                .then()
                .statusCode(400)
                .body("field", equalTo("before"));
    }

    @Test
    void an_unknown_stream_is_a_json_404() {
        given().get("/api/v1/namespaces/team/imagestreams/nothing-here")
                .then()
                .statusCode(404)
                .contentType(ContentType.JSON)
                .body("field", equalTo("name"));
    }

    @Test
    void a_wrong_content_type_is_a_json_415() {
        given().contentType(ContentType.TEXT)
                .body("name=app")
                .post("/api/v1/namespaces/team/imagestreams")
                .then()
                .statusCode(415)
                .contentType(ContentType.JSON);
    }
}
