package dev.tagline.tags;

import static dev.tagline.tags.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bookkeeping past its retention is deleted by the running service on its schedule; recent rows stay. */
@QuarkusTest
class RetentionPrunerTest {

    private final TagsDatabase database = TagsDatabase.ofApp();

    @Test
    void relayed_outbox_rows_past_the_retention_are_deleted_and_recent_ones_kept() {
        String namespace = unique("team");
        String row = "insert into tags.outbox (event_id, topic, record_key, type, payload, created_at, published_at)"
                + " values (gen_random_uuid(), 'imagestream-tag-events', '" + namespace + "/%s', 'test', '{}', %s, %s)";
        database.execute(row.formatted("old-relayed", "now() - interval '30 days'", "now() - interval '30 days'"));
        database.execute(row.formatted("recent-relayed", "now()", "now()"));

        await().atMost(Duration.ofSeconds(20)).until(() -> database.outboxRowsOf(namespace) == 1);
        assertThat(database.outboxKeysOf(namespace)).containsExactly(namespace + "/recent-relayed");
    }

    @Test
    void applied_event_ids_past_the_retention_are_deleted_and_recent_ones_kept() {
        String source = "/tests/" + unique("pruner");
        String row =
                "insert into tags.applied_events (source, event_id, applied_at) values ('" + source + "', '%s', %s)";
        database.execute(row.formatted("old", "now() - interval '60 days'"));
        database.execute(row.formatted("recent", "now()"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> database.appliedEventIdsOf(source).size() == 1);
        assertThat(database.appliedEventIdsOf(source)).containsExactly("recent");
    }
}
