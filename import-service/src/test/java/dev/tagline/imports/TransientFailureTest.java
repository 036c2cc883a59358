package dev.tagline.imports;

import static dev.tagline.imports.TestData.unique;
import static org.awaitility.Awaitility.await;

import dev.tagline.events.StreamTagRef;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A database failure while applying a spec change is retried until it passes; the event is neither lost nor dead-lettered. */
@QuarkusTest
class TransientFailureTest {

    private final ImportsDatabase database = ImportsDatabase.ofApp();

    @Test
    void a_spec_change_that_fails_while_the_database_misbehaves_is_applied_once_it_recovers() {
        // Not an allowed registry: its checks fail without reaching anything.
        String source = "registry.invalid/" + unique("team-a") + "/app:v1";
        database.execute("alter table imports.applied_events rename to applied_events_away");
        try {
            SpecTags.followScheduled(new StreamTagRef(unique("team"), "app", "v1"), source);
            // Every attempt fails meanwhile: the consumer is retrying, not skipping.
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> database.followersOf(source) == 0);
        } finally {
            database.execute("alter table imports.applied_events_away rename to applied_events");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> database.followersOf(source) == 1);
    }
}
