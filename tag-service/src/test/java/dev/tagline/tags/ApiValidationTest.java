package dev.tagline.tags;

import static dev.tagline.tags.TestData.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Malformed and hostile requests get a 4xx with a JSON error naming the field, and publish nothing. */
@QuarkusTest
class ApiValidationTest {

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
            a duplicate tag            | {"name":"app","tags":[{"name":"v1","from":{"kind":"DockerImage","name":"nginx"}},{"name":"v1","from":{"kind":"DockerImage","name":"nginx"}}]} | tags[1].name
            a wrongly typed field      | {"name":"app","tags":{"name":"v1"}}                            | tags
            """)
    void a_bad_stream_is_refused_with_the_field_named_and_nothing_published(String why, String body, String field) {
        String namespace = unique("team");
        given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/namespaces/{ns}/imagestreams", namespace).then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("field", equalTo(field))
                .body("error", notNullValue());
        assertThat(outboxRowsOf(namespace)).isZero();
    }

    @Test
    void a_namespace_that_is_not_a_label_is_refused() {
        given().get("/api/v1/namespaces/{ns}/imagestreams", "Team_A").then()
                .statusCode(400).body("field", equalTo("namespace"));
    }

    @Test
    void a_malformed_image_stream_tag_name_is_refused() {
        given().get("/api/v1/namespaces/team/imagestreamtags/app").then()
                .statusCode(400).body("field", equalTo("name"));
        given().get("/api/v1/namespaces/team/imagestreamimages/app@sha256:abc").then()
                .statusCode(400).body("field", equalTo("digest"));
    }

    @Test
    void a_five_megabyte_body_is_refused_before_it_is_read() {
        String namespace = unique("team");
        String huge = "{\"name\":\"app\",\"tags\":[],\"pad\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(huge)
                .post("/api/v1/namespaces/{ns}/imagestreams", namespace).then()
                .statusCode(413)
                .body("field", equalTo("body"));
        assertThat(outboxRowsOf(namespace)).isZero();
    }

    @Test
    void an_unknown_stream_is_a_json_404() {
        given().get("/api/v1/namespaces/team/imagestreams/nothing-here").then()
                .statusCode(404).contentType(ContentType.JSON).body("field", equalTo("name"));
    }

    @Test
    void a_wrong_content_type_is_a_json_415() {
        given().contentType(ContentType.TEXT).body("name=app")
                .post("/api/v1/namespaces/team/imagestreams").then()
                .statusCode(415).contentType(ContentType.JSON);
    }

    private static long outboxRowsOf(String namespace) {
        Config config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from tags.outbox where record_key like ?")) {
            query.setString(1, namespace + "/%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
