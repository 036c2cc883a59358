package dev.tagline.tags;

import static dev.tagline.tags.TestData.digest;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A database failure while applying an event is retried until it passes; the event is neither lost nor dead-lettered. */
@QuarkusTest
class TransientFailureTest {

    @Test
    void an_event_that_fails_while_the_database_misbehaves_is_applied_once_it_recovers() {
        FollowedTag followed = FollowedTag.create();
        TagsDatabase database = TagsDatabase.ofApp();
        database.execute("alter table tags.applied_events rename to applied_events_away");
        try {
            followed.push(digest());
            // Every attempt fails meanwhile: the consumer is retrying, not skipping.
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> followed.tag().statusCode(200).body("history", hasSize(0)));
        } finally {
            database.execute("alter table tags.applied_events_away rename to applied_events");
        }

        followed.awaitHistory(1);
    }
}
