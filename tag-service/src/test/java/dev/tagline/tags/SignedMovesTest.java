package dev.tagline.tags;

import static dev.tagline.tags.Policies.FINGERPRINT;
import static dev.tagline.tags.Policies.KEY;
import static dev.tagline.tags.TestData.REGISTRY;
import static dev.tagline.tags.TestData.digest;
import static dev.tagline.tags.TestData.pushed;
import static dev.tagline.tags.TestData.target;
import static dev.tagline.tags.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.tagline.events.EventType;
import dev.tagline.events.SignatureCheckRequested;
import dev.tagline.events.SignatureVerdict;
import dev.tagline.events.reference.Digest;
import dev.tagline.events.signing.CosignSignatureTags;
import dev.tagline.testkit.KafkaTestClients;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "Only signed images move a tag", on the real broker and database: pushes as {@code registry.tag.changed}, and the
 * import-service's verdicts as {@code registry.signature.checked} published here as it would publish them.
 */
@QuarkusTest
class SignedMovesTest {

    private final TagsDatabase database = TagsDatabase.ofApp();

    /** A followed tag whose stream a policy of its namespace covers. */
    private static FollowedTag underPolicy() {
        FollowedTag followed = FollowedTag.create();
        Policies.put(followed.namespace(), "signed", List.of("app"), List.of(KEY))
                .statusCode(201);
        return followed;
    }

    private static void awaitTag(FollowedTag followed, String path, Matcher<?> matcher) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> followed.tag().body(path, matcher));
    }

    @Test
    void an_unverified_push_does_not_move_a_tag_under_a_policy_shows_pending_and_asks_for_a_check() {
        FollowedTag followed = underPolicy();
        String digest = digest();

        followed.push(digest);

        followed.awaitHistory(1);
        followed.tag()
                .body("image", nullValue())
                .body("history[0].image", equalTo(digest))
                .body("history[0].held", equalTo(true))
                .body("history[0].verification.verdict", equalTo("Pending"))
                .body("conditions.type", contains("Verified"))
                .body("conditions[0].status", equalTo("False"))
                .body("conditions[0].reason", equalTo("Pending"));
        List<SignatureCheckRequested> requests = Policies.checkRequests(followed.repository(), digest, 1);
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.registry()).isEqualTo(REGISTRY);
            assertThat(request.repository()).isEqualTo(followed.repository());
            assertThat(request.keys())
                    .extracting(SignatureCheckRequested.TrustedKey::fingerprint)
                    .containsExactly(FINGERPRINT);
            assertThat(request.keys().get(0).publicKey()).isEqualTo(KEY);
        });
        assertThat(KafkaTestClients.allTagEventsOf(
                        followed.namespace(), EventType.IMAGESTREAM_TAG_UPDATED, Duration.ofSeconds(1)))
                .isEmpty();
    }

    @Test
    void a_verified_verdict_moves_the_tag_to_the_waiting_item_and_publishes_tag_updated() {
        FollowedTag followed = underPolicy();
        String digest = digest();
        followed.push(digest);
        followed.awaitHistory(1);

        Policies.verified(followed.repository(), digest);

        awaitTag(followed, "image.digest", equalTo(digest));
        followed.tag()
                .body("history", hasSize(1))
                .body("history[0].held", equalTo(false))
                .body("history[0].verification.verdict", equalTo("Verified"))
                .body("history[0].verification.keyFingerprint", equalTo(FINGERPRINT))
                .body("conditions", hasSize(0));
        assertThat(KafkaTestClients.tagEventsOf(followed.namespace(), EventType.IMAGESTREAM_TAG_UPDATED, 1))
                .singleElement()
                .satisfies(event -> assertThat(event.value()).contains(digest));
    }

    @ParameterizedTest
    @EnumSource(
            value = SignatureVerdict.class,
            names = {"Unsigned", "UntrustedKey", "DigestMismatch", "RegistryError"})
    void a_refusing_verdict_keeps_the_tag_and_records_its_reason(SignatureVerdict verdict) {
        FollowedTag followed = underPolicy();
        String verified = digest();
        followed.push(verified);
        followed.awaitHistory(1);
        Policies.verified(followed.repository(), verified);
        awaitTag(followed, "image.digest", equalTo(verified));
        String refused = digest();
        followed.push(refused);
        followed.awaitHistory(2);

        Policies.verdict(
                KafkaTestClients.newEventId(),
                followed.repository(),
                refused,
                verdict,
                List.of(),
                List.of(FINGERPRINT),
                "what the check found");

        awaitTag(followed, "history[0].verification.verdict", equalTo(verdict.name()));
        followed.tag()
                .body("image.digest", equalTo(verified))
                .body("history[0].verification.message", equalTo("what the check found"))
                .body("conditions.type", contains("Verified"))
                .body("conditions[0].reason", equalTo(verdict.name()))
                .body("conditions[0].message", equalTo("what the check found"));
    }

    @Test
    void a_verdict_for_an_older_observation_records_it_without_moving_the_tag_back() {
        FollowedTag followed = underPolicy();
        String older = digest();
        String newer = digest();
        followed.push(older);
        followed.push(newer);
        followed.awaitHistory(2);

        Policies.verified(followed.repository(), older);
        awaitTag(followed, "history[1].verification.verdict", equalTo("Verified"));
        followed.tag().body("image", nullValue());

        Policies.verified(followed.repository(), newer);
        awaitTag(followed, "image.digest", equalTo(newer));
        followed.tag().body("history.image", contains(newer, older)).body("history.held", contains(false, true));
    }

    @Test
    void a_second_tag_at_an_already_verified_digest_moves_at_once() {
        FollowedTag followed = underPolicy();
        String digest = digest();
        followed.push(digest);
        followed.awaitHistory(1);
        Policies.verified(followed.repository(), digest);
        awaitTag(followed, "image.digest", equalTo(digest));
        String source = REGISTRY + "/" + followed.repository() + ":v2";
        FollowedTag.createStream(followed.namespace(), "web", "v2", source);
        Policies.put(followed.namespace(), "signed", List.of("app", "web"), List.of(KEY))
                .statusCode(200);

        KafkaTestClients.publish(
                EventType.REGISTRY_TAG_CHANGED,
                KafkaTestClients.newEventId(),
                source,
                pushed(followed.repository(), "v2", digest));

        FollowedTag.awaitHistory(followed.namespace(), "web:v2", 1);
        TagOps.get(followed.namespace(), "web:v2")
                .body("image.digest", equalTo(digest))
                .body("history[0].verification.verdict", equalTo("Verified"))
                .body("history[0].verification.keyFingerprint", equalTo(FINGERPRINT));
    }

    @Test
    void a_stream_no_policy_names_moves_as_before_and_asks_for_nothing() {
        FollowedTag followed = FollowedTag.create();
        Policies.put(followed.namespace(), "signed", List.of("other"), List.of(KEY))
                .statusCode(201);
        String digest = digest();

        followed.push(digest);

        followed.awaitHistory(1);
        followed.tag()
                .body("image.digest", equalTo(digest))
                .body("history[0].verification", nullValue())
                .body("conditions", hasSize(0));
        assertThat(Policies.checkRequests(followed.repository(), digest, 0)).isEmpty();
    }

    @Test
    void an_import_into_a_named_target_under_a_policy_waits_for_its_verdict_too() {
        String namespace = unique("team");
        Policies.put(namespace, "signed", List.of("*"), List.of(KEY)).statusCode(201);
        String repository = unique("imported") + "/app";
        String digest = digest();

        KafkaTestClients.publish(
                EventType.REGISTRY_TAG_CHANGED,
                KafkaTestClients.newEventId(),
                REGISTRY + "/" + repository + ":v1",
                pushed(repository, "v1", digest, target(namespace, "app", "v1")));

        FollowedTag.awaitHistory(namespace, "app:v1", 1);
        TagOps.get(namespace, "app:v1")
                .body("image", nullValue())
                .body("history[0].verification.verdict", equalTo("Pending"));
        assertThat(Policies.checkRequests(repository, digest, 1)).hasSize(1);

        Policies.verified(repository, digest);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> TagOps.get(namespace, "app:v1").body("image.digest", equalTo(digest)));
    }

    @Test
    void a_push_of_the_signature_tag_asks_again_for_the_waiting_check() {
        FollowedTag followed = underPolicy();
        String digest = digest();
        followed.push(digest);
        followed.awaitHistory(1);
        assertThat(Policies.checkRequests(followed.repository(), digest, 1)).hasSize(1);

        String signatureTag = CosignSignatureTags.of(Digest.parse(digest));
        KafkaTestClients.publish(
                EventType.REGISTRY_TAG_CHANGED,
                KafkaTestClients.newEventId(),
                REGISTRY + "/" + followed.repository() + ":" + signatureTag,
                pushed(followed.repository(), signatureTag, digest()));

        assertThat(Policies.checkRequests(followed.repository(), digest, 2))
                .hasSize(2)
                .allSatisfy(request -> assertThat(request.keys()).hasSize(1));
    }

    @Test
    void a_redelivered_verdict_changes_nothing() {
        FollowedTag followed = underPolicy();
        String digest = digest();
        followed.push(digest);
        followed.awaitHistory(1);
        String verdictId = KafkaTestClients.newEventId();
        Policies.verdict(
                verdictId,
                followed.repository(),
                digest,
                SignatureVerdict.Verified,
                List.of(FINGERPRINT),
                List.of(FINGERPRINT),
                "verified");
        awaitTag(followed, "image.digest", equalTo(digest));

        Policies.verdict(
                verdictId,
                followed.repository(),
                digest,
                SignatureVerdict.Verified,
                List.of(FINGERPRINT),
                List.of(FINGERPRINT),
                "verified");
        String marker = digest();
        followed.push(marker);

        // One partition in tests: once the marker shows, the redelivery was seen.
        followed.awaitHistory(2);
        followed.tag().body("image.digest", equalTo(digest)).body("history.image", contains(marker, digest));
        assertThat(database.outboxTypesOf(followed.namespace() + "/app:v1"))
                .filteredOn(EventType.IMAGESTREAM_TAG_UPDATED.type()::equals)
                .hasSize(1);
    }

    @Test
    void a_tag_operation_into_a_stream_under_a_policy_waits_for_a_verdict_like_an_observation() {
        String namespace = unique("team");
        Policies.put(namespace, "signed", List.of("prod"), List.of(KEY)).statusCode(201);
        String unguarded = TagOps.pointAtNewImage(namespace, "candidate:v1");

        TagOps.tag(namespace, TagOps.body("ImageStreamTag", "candidate:v1", "\"prod:v1\"", ""))
                .statusCode(200);

        TagOps.get(namespace, "prod:v1")
                .body("image", nullValue())
                .body("history[0].image", equalTo(unguarded))
                .body("history[0].verification.verdict", equalTo("Pending"))
                .body("conditions[0].reason", equalTo("Pending"));
        String repository = TagOps.get(namespace, "candidate:v1")
                .extract()
                .path("image.dockerImageReference")
                .toString()
                .replaceFirst("^" + REGISTRY + "/", "")
                .replaceFirst("@.*$", "");
        assertThat(Policies.checkRequests(repository, unguarded, 1)).hasSize(1);

        Policies.verified(repository, unguarded);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> TagOps.get(namespace, "prod:v1")
                        .body("image.digest", equalTo(unguarded))
                        .body("history", hasSize(1)));
    }

    @Test
    void an_alias_in_a_stream_under_a_policy_follows_its_source_only_to_verified_images() {
        FollowedTag followed = FollowedTag.create();
        String namespace = followed.namespace();
        Policies.put(namespace, "signed", List.of("prod"), List.of(KEY)).statusCode(201);
        TagOps.tag(namespace, TagOps.body("ImageStreamTag", "app:v1", "\"prod:latest\"", "\"alias\":true"))
                .statusCode(200);
        String digest = digest();

        followed.push(digest);

        followed.awaitHistory(1);
        followed.tag().body("image.digest", equalTo(digest));
        FollowedTag.awaitHistory(namespace, "prod:latest", 1);
        TagOps.get(namespace, "prod:latest")
                .body("image", nullValue())
                .body("history[0].verification.verdict", equalTo("Pending"));

        Policies.verified(followed.repository(), digest);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> TagOps.get(namespace, "prod:latest")
                        .body("image.digest", equalTo(digest))
                        .body("history[0].cause", equalTo("alias")));
    }

    @Test
    void a_release_passes_an_unverified_held_item_by_and_its_later_verdict_moves_the_tag() {
        FollowedTag followed = underPolicy();
        String first = digest();
        followed.push(first);
        followed.awaitHistory(1);
        Policies.verified(followed.repository(), first);
        awaitTag(followed, "image.digest", equalTo(first));
        TagOps.rollback(followed.namespace(), "app:v1", "{\"image\":\"" + first + "\",\"hold\":true}")
                .statusCode(200);
        String second = digest();
        followed.push(second);
        followed.awaitHistory(2);
        followed.tag().body("history[0].verification.verdict", equalTo("Pending"));

        TagOps.release(followed.namespace(), "app:v1").statusCode(200);
        followed.tag().body("image.digest", equalTo(first)).body("hold", nullValue());

        Policies.verified(followed.repository(), second);
        awaitTag(followed, "image.digest", equalTo(second));
    }
}
