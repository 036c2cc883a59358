package dev.tagline.tags.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tagline.events.ImagePointer;
import dev.tagline.events.SignatureCheckRequested.TrustedKey;
import dev.tagline.events.TagChangeCause;
import dev.tagline.events.TagReference;
import dev.tagline.events.reference.Digest;
import dev.tagline.events.reference.ImageReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The in-memory fold of a batch on its own: what each observation sees of the ones before it. */
class FollowerMovesTest {

    private static final String SOURCE = "registry.example:5000/team/app:v1";
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final ImageStream stream = stream(1L, "team", "app", 7);

    @Test
    void a_second_observation_of_a_tag_in_the_batch_compares_with_the_first_and_the_same_digest_adds_nothing() {
        FollowerMoves.TagState v1 = follower(10L, "v1", "sha256:" + "0".repeat(64));
        FollowerMoves moves = moves(List.of(v1));

        moves.observe(seen(digest('a')));
        moves.observe(seen(digest('a')));
        moves.observe(seen(digest('b')));

        assertThat(moves.history())
                .extracting(item -> item.digest, item -> item.generation)
                .containsExactly(tuple(digest('a'), 8L), tuple(digest('b'), 9L));
        assertThat(moves.events()).hasSize(2);
        assertThat(moves.generations()).containsExactly(Map.entry(1L, 9L));
    }

    @Test
    void aliases_follow_a_moved_tag_through_a_chain_each_as_soon_as_its_source_moved() {
        FollowerMoves.TagState v1 = follower(10L, "v1", null);
        FollowerMoves.TagState latest = alias(11L, "latest", "app:v1");
        FollowerMoves.TagState loopA = alias(12L, "loop-a", "app:zz-back");
        FollowerMoves.TagState loopB = alias(13L, "loop-b", "app:loop-a");
        FollowerMoves.TagState back = alias(14L, "zz-back", "app:latest");
        FollowerMoves moves = moves(List.of(v1, latest, loopA, loopB, back));

        moves.observe(seen(digest('c')));

        assertThat(moves.history())
                .extracting(item -> item.tag)
                .containsExactly("v1", "latest", "zz-back", "loop-a", "loop-b");
        assertThat(moves.history())
                .extracting(item -> item.cause)
                .containsExactly(
                        TagChangeCause.PUSH,
                        TagChangeCause.ALIAS,
                        TagChangeCause.ALIAS,
                        TagChangeCause.ALIAS,
                        TagChangeCause.ALIAS);
    }

    @Test
    void a_held_tag_records_a_held_item_once_per_new_digest_and_publishes_nothing() {
        FollowerMoves.TagState v1 = follower(10L, "v1", digest('a'));
        v1.tag.holdGeneration = 3L;
        FollowerMoves moves = moves(List.of(v1));

        moves.observe(seen(digest('b')));
        moves.observe(seen(digest('b')));

        assertThat(moves.history()).singleElement().satisfies(item -> {
            assertThat(item.held).isTrue();
            assertThat(item.digest).isEqualTo(digest('b'));
        });
        assertThat(moves.events()).isEmpty();
    }

    @Test
    void under_a_policy_an_unverified_image_waits_once_with_one_check_and_a_verified_one_moves_the_tag() {
        FollowerMoves.TagState v1 = follower(10L, "v1", digest('a'));
        TrustedKey key = new TrustedKey("sha256:" + "f".repeat(64), "-----BEGIN PUBLIC KEY-----…");
        PolicyRules policies = new PolicyRules(List.of(new PolicyRule("team", List.of("*"), List.of(key))));
        String verified = "registry.example:5000/team/app@" + digest('c');
        FollowerMoves moves = new FollowerMoves(
                new PullSpecs(Optional.empty()),
                NOW,
                Map.of(stream.id, stream),
                List.of(v1),
                policies,
                Map.of(verified, Set.of(key.fingerprint())));

        moves.observe(seen(digest('b')));
        moves.observe(seen(digest('b')));
        moves.observe(seen(digest('c')));

        assertThat(moves.history())
                .extracting(item -> item.digest, item -> item.held, item -> item.verification)
                .containsExactly(tuple(digest('b'), true, "Pending"), tuple(digest('c'), false, "Verified"));
        assertThat(moves.events())
                .singleElement()
                .satisfies(event -> assertThat(event.payload).contains(digest('c')));
        assertThat(moves.checkRequests())
                .singleElement()
                .satisfies(request -> assertThat(request.recordKey).endsWith("@" + digest('b')));
        assertThat(moves.pendingConditions()).isEmpty();
        assertThat(moves.verifiedConditionsToClear()).containsExactly(10L);
    }

    private FollowerMoves moves(List<FollowerMoves.TagState> tags) {
        return new FollowerMoves(
                new PullSpecs(Optional.empty()), NOW, Map.of(stream.id, stream), tags, PolicyRules.NONE, Map.of());
    }

    private static FollowerMoves.Observation seen(String digest) {
        return new FollowerMoves.Observation(
                new ImageObservation(ImageReference.parse(SOURCE), Digest.parse(digest), TagChangeCause.PUSH),
                "application/vnd.oci.image.manifest.v1+json");
    }

    private static FollowerMoves.TagState follower(Long id, String name, String currentDigest) {
        StreamTag tag = tag(id, name);
        tag.fromKind = TagReference.Kind.DockerImage;
        tag.fromName = SOURCE;
        tag.sourceKey = SOURCE;
        ImagePointer current = currentDigest == null ? null : new ImagePointer(currentDigest, "x@" + currentDigest);
        return new FollowerMoves.TagState(tag, current, currentDigest, false);
    }

    private static FollowerMoves.TagState alias(Long id, String name, String streamTag) {
        StreamTag tag = tag(id, name);
        tag.fromKind = TagReference.Kind.ImageStreamTag;
        tag.fromNamespace = "team";
        tag.fromName = streamTag;
        return new FollowerMoves.TagState(tag, null, null, false);
    }

    private static StreamTag tag(Long id, String name) {
        StreamTag tag = new StreamTag();
        tag.id = id;
        tag.streamId = 1L;
        tag.name = name;
        return tag;
    }

    private static ImageStream stream(Long id, String namespace, String name, long generation) {
        ImageStream stream = new ImageStream();
        stream.id = id;
        stream.namespace = namespace;
        stream.name = name;
        stream.generation = generation;
        return stream;
    }

    private static String digest(char fill) {
        return "sha256:" + String.valueOf(fill).repeat(64);
    }
}
