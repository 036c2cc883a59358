package dev.tagline.tags;

import static dev.tagline.tags.TestData.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Relayed outbox rows past the retention are deleted by the running service on its schedule. */
@QuarkusTest
class OutboxPrunerTest {

    @Test
    void relayed_rows_past_the_retention_are_deleted_and_recent_ones_kept() {
        String namespace = unique("team");
        TagsDatabase database = TagsDatabase.ofApp();
        String row = "insert into tags.outbox (event_id, topic, record_key, type, payload, created_at, published_at)"
                + " values (gen_random_uuid(), 'imagestream-tag-events', '" + namespace + "/%s', 'test', '{}', %s, %s)";
        database.execute(row.formatted("old-relayed", "now() - interval '30 days'", "now() - interval '30 days'"));
        database.execute(row.formatted("recent-relayed", "now()", "now()"));

        await().atMost(Duration.ofSeconds(20)).until(() -> database.outboxRowsOf(namespace) == 1);
        assertThat(database.outboxKeysOf(namespace)).containsExactly(namespace + "/recent-relayed");
    }
}
