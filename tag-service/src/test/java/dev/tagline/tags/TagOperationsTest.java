package dev.tagline.tags;

import static dev.tagline.tags.Api.given;
import static dev.tagline.tags.FollowedTag.awaitHistory;
import static dev.tagline.tags.TagOps.body;
import static dev.tagline.tags.TagOps.dataOf;
import static dev.tagline.tags.TagOps.get;
import static dev.tagline.tags.TagOps.tag;
import static dev.tagline.tags.TestData.REGISTRY;
import static dev.tagline.tags.TestData.digest;
import static dev.tagline.tags.TestData.pushed;
import static dev.tagline.tags.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.tagline.events.EventType;
import dev.tagline.events.ImageStreamTagSpecChanged;
import dev.tagline.events.ImageStreamTagUpdated;
import dev.tagline.events.TagChangeCause;
import dev.tagline.testkit.EventSchemas;
import dev.tagline.testkit.KafkaTestClients;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tagging without re-pushing, over REST against the real database and broker: each operation and its events. */
@QuarkusTest
class TagOperationsTest {

    private final TagsDatabase database = TagsDatabase.ofApp();

    @Test
    void tagging_from_a_docker_image_creates_a_spec_tag_with_its_flags_that_follows_the_source() {
        String namespace = unique("team");
        String repository = unique("vendor") + "/tool";
        String source = REGISTRY + "/" + repository + ":1.0";

        tag(namespace, body("DockerImage", source, "\"tool:stable\"", "\"scheduled\":true,\"insecure\":true"))
                .statusCode(200)
                .body("name", contains("tool:stable"))
                .body("[0].tag.from.kind", equalTo("DockerImage"))
                .body("[0].tag.from.name", equalTo(source))
                .body("[0].tag.reference", equalTo(false))
                .body("[0].tag.importPolicy.scheduled", equalTo(true))
                .body("[0].tag.importPolicy.insecure", equalTo(true))
                .body("[0].image", nullValue());

        List<KafkaTestClients.Consumed> specChanges =
                TagOps.eventsOf(namespace + "/tool:stable", EventType.IMAGESTREAM_TAG_SPEC_CHANGED, 1);
        assertThat(specChanges).hasSize(1);
        assertThat(EventSchemas.violations(
                        EventType.IMAGESTREAM_TAG_SPEC_CHANGED,
                        specChanges.get(0).value()))
                .isEmpty();
        assertThat(specChanges.get(0).value()).contains("\"created\"", "\"scheduled\":true", "\"insecure\":true");
        String digest = digest();
        KafkaTestClients.publish(
                EventType.REGISTRY_TAG_CHANGED,
                KafkaTestClients.newEventId(),
                source,
                pushed(repository, "1.0", digest));
        awaitHistory(namespace, "tool:stable", 1);
        get(namespace, "tool:stable").body("image.digest", equalTo(digest)).body("history[0].cause", equalTo("push"));
    }

    @Test
    void a_reference_to_a_digest_is_pointed_at_at_once_without_an_import() {
        String namespace = unique("team");
        String digest = digest();
        String pinned = REGISTRY + "/" + unique("vendor") + "/tool@" + digest;

        tag(namespace, body("DockerImage", pinned, "\"tool:pinned\"", "\"reference\":true"))
                .statusCode(200)
                .body("[0].tag.reference", equalTo(true))
                .body("[0].image.digest", equalTo(digest))
                .body("[0].image.dockerImageReference", equalTo(pinned))
                .body("[0].history[0].cause", equalTo("tag"));

        List<KafkaTestClients.Consumed> updates =
                TagOps.eventsOf(namespace + "/tool:pinned", EventType.IMAGESTREAM_TAG_UPDATED, 1);
        assertThat(updates).hasSize(1);
        assertThat(EventSchemas.violations(
                        EventType.IMAGESTREAM_TAG_UPDATED, updates.get(0).value()))
                .isEmpty();
        assertThat(updates.get(0).value()).contains("\"cause\":\"tag\"", digest);
    }

    @Test
    void a_snapshot_holds_the_source_tags_image_of_now_and_stays_when_the_source_moves() {
        FollowedTag followed = FollowedTag.create();
        String first = digest();
        followed.push(first);
        followed.awaitHistory(1);

        tag(followed.namespace(), body("ImageStreamTag", "app:v1", "\"app:prod\"", ""))
                .statusCode(200)
                .body("[0].tag.from.kind", equalTo("ImageStreamImage"))
                .body("[0].tag.from.namespace", equalTo(followed.namespace()))
                .body("[0].tag.from.name", equalTo("app@" + first))
                .body("[0].image.digest", equalTo(first))
                .body("[0].history[0].cause", equalTo("tag"));
        String second = digest();
        followed.push(second);
        followed.awaitHistory(2);

        // The push is applied in one transaction with everything it moves: the snapshot stayed.
        get(followed.namespace(), "app:prod").body("history.image", contains(first));
        List<ImageStreamTagUpdated> updates = dataOf(
                followed.namespace() + "/app:prod", EventType.IMAGESTREAM_TAG_UPDATED, 1, ImageStreamTagUpdated.class);
        assertThat(updates).singleElement().satisfies(updated -> {
            assertThat(updated.cause()).isEqualTo(TagChangeCause.TAG);
            assertThat(updated.image().digest()).isEqualTo(first);
            assertThat(updated.image().mediaType()).isEqualTo(TestData.OCI_MANIFEST);
        });
        assertThat(dataOf(
                        followed.namespace() + "/app:prod",
                        EventType.IMAGESTREAM_TAG_SPEC_CHANGED,
                        1,
                        ImageStreamTagSpecChanged.class))
                .singleElement()
                .satisfies(changed -> assertThat(changed.spec().from().name()).isEqualTo("app@" + first));
    }

    @Test
    void an_alias_follows_its_source_as_it_moves_through_a_chain_across_streams_and_namespaces() {
        FollowedTag followed = FollowedTag.create();
        String first = digest();
        followed.push(first);
        followed.awaitHistory(1);
        String mirrors = unique("mirrors");

        tag(followed.namespace(), body("ImageStreamTag", "app:v1", "\"app:latest\"", "\"alias\":true"))
                .statusCode(200)
                .body("[0].tag.from.kind", equalTo("ImageStreamTag"))
                .body("[0].tag.from.name", equalTo("app:v1"))
                .body("[0].image.digest", equalTo(first))
                .body("[0].history[0].cause", equalTo("alias"));
        tag(mirrors, """
                {"from":{"kind":"ImageStreamTag","namespace":"%s","name":"app:latest"},"to":["copy:current"],
                 "alias":true}""".formatted(followed.namespace())).statusCode(200).body("[0].image.digest", equalTo(first));
        String second = digest();
        followed.push(second);

        awaitHistory(mirrors, "copy:current", 2);
        get(mirrors, "copy:current").body("image.digest", equalTo(second)).body("history[0].cause", equalTo("alias"));
        get(followed.namespace(), "app:latest").body("history.image", contains(second, first));
        List<ImageStreamTagUpdated> updates =
                dataOf(mirrors + "/copy:current", EventType.IMAGESTREAM_TAG_UPDATED, 2, ImageStreamTagUpdated.class);
        assertThat(updates)
                .extracting(ImageStreamTagUpdated::cause)
                .containsExactly(TagChangeCause.ALIAS, TagChangeCause.ALIAS);
        assertThat(updates.get(1).image().digest()).isEqualTo(second);
        assertThat(updates.get(1).previous().digest()).isEqualTo(first);
    }

    @Test
    void a_redelivered_push_moves_an_alias_once_even_after_the_source_moved_on() {
        FollowedTag followed = FollowedTag.create();
        String first = digest();
        followed.push(first);
        followed.awaitHistory(1);
        tag(followed.namespace(), body("ImageStreamTag", "app:v1", "\"app:latest\"", "\"alias\":true"))
                .statusCode(200);
        String second = digest();
        String secondEventId = KafkaTestClients.newEventId();
        followed.push(secondEventId, second);
        String third = digest();
        followed.push(third);
        // Applied again, the redelivery would move the source and its alias back to the second image.
        followed.push(secondEventId, second);
        String marker = digest();
        followed.push(marker);

        awaitHistory(followed.namespace(), "app:latest", 4);
        get(followed.namespace(), "app:latest").body("history.image", contains(marker, third, second, first));
    }

    @Test
    void an_image_that_no_tag_points_at_any_more_is_tagged_by_its_digest() {
        FollowedTag followed = FollowedTag.create();
        String old = digest();
        followed.push(old);
        followed.push(digest());
        followed.awaitHistory(2);

        tag(followed.namespace(), body("ImageStreamImage", "app@" + old, "\"app:known-good\"", ""))
                .statusCode(200)
                .body("[0].tag.from.kind", equalTo("ImageStreamImage"))
                .body("[0].image.digest", equalTo(old))
                .body("[0].image.dockerImageReference", equalTo(REGISTRY + "/" + followed.repository() + "@" + old))
                .body("[0].history[0].cause", equalTo("tag"));
        assertThat(dataOf(
                        followed.namespace() + "/app:known-good",
                        EventType.IMAGESTREAM_TAG_UPDATED,
                        1,
                        ImageStreamTagUpdated.class))
                .extracting(ImageStreamTagUpdated::cause)
                .containsExactly(TagChangeCause.TAG);
    }

    @Test
    void several_destinations_across_streams_and_namespaces_are_tagged_at_once_creating_missing_streams() {
        String namespace = unique("team");
        String digest = TagOps.pointAtNewImage(namespace, "app:candidate");
        String production = unique("prod");

        tag(
                        namespace,
                        body(
                                "ImageStreamTag",
                                "app:candidate",
                                "\"app:release\",\"web:v1\",\"" + production + "/app:v1\"",
                                ""))
                .statusCode(200)
                .body("name", contains("app:release", "web:v1", "app:v1"))
                .body("namespace", contains(namespace, namespace, production))
                .body("image.digest", contains(digest, digest, digest));

        given().get("/api/v1/namespaces/{ns}/imagestreams/app", production)
                .then()
                .statusCode(200);
        for (String key : List.of(namespace + "/app:release", namespace + "/web:v1", production + "/app:v1")) {
            assertThat(dataOf(key, EventType.IMAGESTREAM_TAG_UPDATED, 1, ImageStreamTagUpdated.class))
                    .as(key)
                    .singleElement()
                    .satisfies(updated -> assertThat(updated.image().digest()).isEqualTo(digest));
        }
    }

    @Test
    void when_a_later_destination_is_refused_no_destination_changes_and_nothing_is_published() {
        String namespace = unique("team");
        TagOps.pointAtNewImage(namespace, "app:v1");
        String other = unique("other");
        List<String> before = database.outboxKeysOf(namespace);

        // The first two would be valid aliases; the third is the source itself.
        tag(
                        namespace,
                        body(
                                "ImageStreamTag",
                                "app:v1",
                                "\"" + other + "/app:v1\",\"app:latest\",\"app:v1\"",
                                "\"alias\":true"))
                .statusCode(409)
                .body("field", equalTo("to[2]"));

        given().get("/api/v1/namespaces/{ns}/imagestreams/app", other).then().statusCode(404);
        get(namespace, "app:latest").statusCode(404);
        get(namespace, "app:v1").body("tag.from.kind", equalTo("DockerImage"));
        assertThat(database.outboxRowsOf(other)).isZero();
        assertThat(database.outboxKeysOf(namespace)).isEqualTo(before);
    }

    @Test
    void a_longer_alias_cycle_across_streams_and_namespaces_is_refused() {
        String teamA = unique("team-a");
        String teamB = unique("team-b");
        TagOps.pointAtNewImage(teamA, "base:v1");
        tag(teamB, """
                {"from":{"kind":"ImageStreamTag","namespace":"%s","name":"base:v1"},"to":["app:v1"],"alias":true}""".formatted(teamA)).statusCode(200);
        tag(teamA, """
                {"from":{"kind":"ImageStreamTag","namespace":"%s","name":"app:v1"},"to":["tool:v1"],"alias":true}""".formatted(teamB)).statusCode(200);
        long written = database.outboxRowsOf(teamA);

        tag(teamA, """
                {"from":{"kind":"ImageStreamTag","name":"tool:v1"},"to":["base:v1"],"alias":true}""")
                .statusCode(409)
                .body("field", equalTo("to[0]"))
                .body(
                        "error",
                        equalTo("making " + teamA + "/base:v1 an alias of " + teamA + "/tool:v1 would make a cycle: "
                                + teamA + "/base:v1 → " + teamA + "/tool:v1 → " + teamB + "/app:v1 → " + teamA
                                + "/base:v1"));

        get(teamA, "base:v1").body("tag.from.kind", equalTo("DockerImage"));
        assertThat(database.outboxRowsOf(teamA)).isEqualTo(written);
    }

    @Test
    void refused_tag_operations_name_the_field_and_publish_nothing() {
        String namespace = unique("team");
        TagOps.pointAtNewImage(namespace, "app:v1");
        given().contentType("application/json")
                .body("""
                {"from":{"kind":"DockerImage","name":"%s/%s/app:v2"}}""".formatted(REGISTRY, unique("vendor")))
                .put("/api/v1/namespaces/{ns}/imagestreamtags/app:empty", namespace)
                .then()
                .statusCode(200);
        long written = database.outboxRowsOf(namespace);
        String unknownDigest = digest();

        refused(namespace, body("ImageStreamTag", "app:nope", "\"app:x\"", "\"alias\":true"), 404, "from.name");
        refused(namespace, body("ImageStreamTag", "nothing:v1", "\"app:x\"", ""), 404, "from.name");
        refused(namespace, body("ImageStreamTag", "app:empty", "\"app:x\"", ""), 404, "from.name");
        refused(namespace, body("ImageStreamImage", "app@" + unknownDigest, "\"app:x\"", ""), 404, "from.name");
        refused(namespace, body("ImageStreamImage", "app@sha256:abc", "\"app:x\"", ""), 400, "from.name");
        refused(namespace, body("ImageStreamTag", "app:v1", "\"app:x\"", "\"scheduled\":true"), 400, "scheduled");
        refused(namespace, body("DockerImage", "nginx", "\"app:x\"", "\"alias\":true"), 400, "alias");
        refused(namespace, body("DockerImage", "Nginx:Latest", "\"app:x\"", ""), 400, "from.name");
        refused(namespace, body("ImageStreamTag", "app:v1", "", ""), 400, "to");
        refused(namespace, body("ImageStreamTag", "app:v1", "\"App:x\"", ""), 400, "to[0]");
        refused(namespace, body("ImageStreamTag", "app:v1", "\"app:x\",\"" + namespace + "/app:x\"", ""), 400, "to[1]");
        refused(namespace, body("ImageStreamTag", "app:v1", "\"app:v1\"", "\"alias\":true"), 409, "to[0]");
        refused(namespace, "{\"to\":[\"app:x\"]}", 400, "from");
        get(namespace, "app:x").statusCode(404);
        assertThat(database.outboxRowsOf(namespace)).isEqualTo(written);
    }

    @Test
    void a_stream_with_an_alias_reads_back_and_can_be_written_back_as_read_but_not_re_pointed_by_put() {
        String namespace = unique("team");
        TagOps.pointAtNewImage(namespace, "app:v1");
        tag(namespace, body("ImageStreamTag", "app:v1", "\"app:latest\"", "\"alias\":true"))
                .statusCode(200);
        List<Map<String, Object>> specs = given().get("/api/v1/namespaces/{ns}/imagestreams/app", namespace)
                .then()
                .statusCode(200)
                .extract()
                .path("spec.tags");

        given().contentType("application/json")
                .body(Map.of("name", "app", "tags", specs))
                .put("/api/v1/namespaces/{ns}/imagestreams/app", namespace)
                .then()
                .statusCode(200)
                .body("spec.tags.name", contains("latest", "v1"));
        given().contentType("application/json")
                .body("""
                {"from":{"kind":"ImageStreamTag","name":"app:other"}}""")
                .put("/api/v1/namespaces/{ns}/imagestreamtags/app:latest", namespace)
                .then()
                .statusCode(400)
                .body("field", equalTo("from.kind"));
        get(namespace, "app:latest").body("tag.from.name", equalTo("app:v1"));
    }

    @Test
    void the_tag_operations_are_in_the_openapi_document() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/api/v1/namespaces/{ns}/imagestreamtags"))
                .body("paths", hasKey("/api/v1/namespaces/{ns}/imagestreamtags/{name}/rollback"))
                .body("paths", hasKey("/api/v1/namespaces/{ns}/imagestreamtags/{name}/release"))
                .body("paths.'/api/v1/namespaces/{ns}/imagestreamtags'.post.requestBody", notNullValue());
    }

    private static void refused(String namespace, String body, int status, String field) {
        tag(namespace, body).statusCode(status).body("field", equalTo(field)).body("error", notNullValue());
    }
}
