package dev.tagline.tags;

import static dev.tagline.tags.Api.given;
import static dev.tagline.tags.TestData.REGISTRY;
import static dev.tagline.tags.TestData.digest;
import static dev.tagline.tags.TestData.pushed;
import static dev.tagline.tags.TestData.target;
import static dev.tagline.tags.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tagline.events.EventType;
import dev.tagline.testkit.KafkaTestClients;
import dev.tagline.testkit.KafkaTestClients.Outgoing;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.hibernate.query.sqm.internal.SqmCriteriaNodeBuilder;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/**
 * Hibernate's query plan cache stays bounded under load: 10,000 {@code registry-tag-events}, on the real broker and
 * database, both pushes to followed tags (the set-based path) and imports into named targets (the per-event ORM
 * path), with the API's reads between them, add no plans beyond the first half's. A query that missed the cache on every execution
 * (as native selects given a result class do in Hibernate 7.2) would add one per event until the cache was full.
 */
@QuarkusTest
class QueryPlanCacheTest {

    private static final int FOLLOWED_TAGS = 50;
    private static final int EVENTS = 10_000;
    /** One event in ten is an import into a named target. */
    private static final int IMPORT_EVERY = 10;

    private final TagsDatabase database = TagsDatabase.ofApp();

    @Inject
    Mutiny.SessionFactory sessionFactory;

    @Test
    void ten_thousand_events_leave_the_query_plan_cache_bounded() {
        String prefix = unique("plans");
        List<FollowedTag> followed = new ArrayList<>();
        for (int i = 0; i < FOLLOWED_TAGS; i++) {
            FollowedTag tag = new FollowedTag(prefix + "-" + i, unique("plans") + "/app");
            FollowedTag.createStream(tag.namespace(), "app", "v1", tag.source());
            followed.add(tag);
        }

        publish(followed, 0, EVENTS / 2);
        awaitHistoryRows(prefix, EVENTS / 2);
        readStreams(followed);
        int plansAtHalf = cache().getNumberOfCachedQueryPlans();
        int hqlAtHalf = cache().getNumberOfCachedHqlInterpretations();

        publish(followed, EVENTS / 2, EVENTS);
        awaitHistoryRows(prefix, EVENTS);
        readStreams(followed);

        // A little slack for paths the first half may not have taken yet (a batch of another size, a retry).
        assertThat(cache().getNumberOfCachedQueryPlans())
                .as("plans after %d events, %d after half", EVENTS, plansAtHalf)
                .isLessThanOrEqualTo(plansAtHalf + 20)
                .isLessThan(500);
        assertThat(cache().getNumberOfCachedHqlInterpretations()).isLessThanOrEqualTo(hqlAtHalf + 20);
    }

    /** Events {@code from} (inclusive) to {@code to}, in bursts, so that the consumer takes them in batches. */
    private static void publish(List<FollowedTag> followed, int from, int to) {
        List<Outgoing> burst = new ArrayList<>();
        for (int i = from; i < to; i++) {
            FollowedTag tag = followed.get(i % followed.size());
            burst.add(i % IMPORT_EVERY == 0 ? importInto(tag, i) : push(tag));
            if (burst.size() == 500) {
                KafkaTestClients.publishBurst(burst);
                burst = new ArrayList<>();
            }
        }
        KafkaTestClients.publishBurst(burst);
    }

    private static Outgoing push(FollowedTag tag) {
        return Outgoing.event(
                EventType.REGISTRY_TAG_CHANGED,
                KafkaTestClients.newEventId(),
                tag.source(),
                pushed(tag.repository(), "v1", digest()));
    }

    /** An import of another repository into one of a few named tags of stream {@code imported}. */
    private static Outgoing importInto(FollowedTag tag, int i) {
        String streamTag = "t" + (i / IMPORT_EVERY) % 5;
        String repository = tag.repository() + "-imported";
        return Outgoing.event(
                EventType.REGISTRY_TAG_CHANGED,
                KafkaTestClients.newEventId(),
                REGISTRY + "/" + repository + ":" + streamTag,
                pushed(repository, streamTag, digest(), target(tag.namespace(), "imported", streamTag)));
    }

    /** The API's reads of a stream and its tags, with their newest items. */
    private static void readStreams(List<FollowedTag> followed) {
        for (FollowedTag tag : followed) {
            given().get("/api/v1/namespaces/{ns}/imagestreams/app", tag.namespace())
                    .then()
                    .statusCode(200);
            tag.tag().statusCode(200);
        }
    }

    private void awaitHistoryRows(String prefix, long rows) {
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> database.historyRowsIn(prefix) >= rows);
    }

    private QueryInterpretationCache cache() {
        return ((SqmCriteriaNodeBuilder) sessionFactory.getCriteriaBuilder())
                .getQueryEngine()
                .getInterpretationCache();
    }
}
