package dev.tagline.tags;

import static dev.tagline.tags.TagOps.body;
import static dev.tagline.tags.TagOps.get;
import static dev.tagline.tags.TagOps.tag;
import static dev.tagline.tags.TestData.REGISTRY;
import static dev.tagline.tags.TestData.digest;
import static dev.tagline.tags.TestData.pushed;
import static dev.tagline.tags.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.tagline.events.EventType;
import dev.tagline.testkit.KafkaTestClients;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * REST tag operations and the consumer's moves at once, over aliases that cross two streams both ways, on the real
 * broker and database: a move locks every stream its aliases reach, in id order, so no two writers wait for each
 * other in a circle, and none of them meets a deadlock.
 */
@QuarkusTest
class ConcurrentAliasMovesTest {

    private static final int ROUNDS = 15;

    @Test
    void tag_operations_and_pushes_moving_aliases_across_streams_at_once_all_succeed() throws Exception {
        String namespace = unique("team");
        String repository = unique("team-a") + "/app";
        // Created first, "lower" has the lower id; each stream holds aliases of the other's tags.
        FollowedTag.createStream(namespace, "lower", "pushed", REGISTRY + "/" + repository + ":v1");
        TagOps.pointAtNewImage(namespace, "higher:tagged");
        TagOps.pointAtNewImage(namespace, "lower:tagged");
        alias(namespace, "lower:pushed", "higher:pushed-mirror");
        alias(namespace, "higher:tagged", "lower:higher-mirror");
        alias(namespace, "lower:tagged", "higher:lower-mirror");

        List<String> higherDigests = digests();
        List<String> lowerDigests = digests();
        List<String> pushedDigests = digests();
        ExecutorService writers = Executors.newFixedThreadPool(3);
        try {
            Future<List<Integer>> higher = writers.submit(retag(namespace, "higher:tagged", higherDigests));
            Future<List<Integer>> lower = writers.submit(retag(namespace, "lower:tagged", lowerDigests));
            Future<?> pushes = writers.submit(() -> pushedDigests.forEach(pushedDigest -> KafkaTestClients.publish(
                    EventType.REGISTRY_TAG_CHANGED,
                    KafkaTestClients.newEventId(),
                    REGISTRY + "/" + repository + ":v1",
                    pushed(repository, "v1", pushedDigest))));

            assertThat(higher.get()).as("answers to tagging higher:tagged").containsOnly(200);
            assertThat(lower.get()).as("answers to tagging lower:tagged").containsOnly(200);
            pushes.get();
        } finally {
            writers.shutdown();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            get(namespace, "higher:pushed-mirror").statusCode(200).body("image.digest", equalTo(last(pushedDigests)));
            get(namespace, "lower:higher-mirror").statusCode(200).body("image.digest", equalTo(last(higherDigests)));
            get(namespace, "higher:lower-mirror").statusCode(200).body("image.digest", equalTo(last(lowerDigests)));
        });
        FollowedTag.awaitHistory(namespace, "lower:pushed", ROUNDS);
    }

    private static void alias(String namespace, String source, String alias) {
        tag(namespace, body("ImageStreamTag", source, "\"" + alias + "\"", "\"alias\":true"))
                .statusCode(200);
    }

    /** Points the tag at each digest in turn, as a client would, and answers the status of every call. */
    private static Callable<List<Integer>> retag(String namespace, String streamTag, List<String> digests) {
        return () -> {
            List<Integer> statuses = new ArrayList<>();
            for (String next : digests) {
                statuses.add(tag(
                                namespace,
                                body(
                                        "DockerImage",
                                        REGISTRY + "/vendor/app@" + next,
                                        "\"" + streamTag + "\"",
                                        "\"reference\":true"))
                        .extract()
                        .statusCode());
            }
            return statuses;
        };
    }

    private static List<String> digests() {
        List<String> digests = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            digests.add(digest());
        }
        return digests;
    }

    private static String last(List<String> digests) {
        return digests.get(digests.size() - 1);
    }
}
