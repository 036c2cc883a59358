package dev.tagline.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class StuckRecordCheckTest {

    private final StuckRecordCheck check = new StuckRecordCheck("some-topic consumer") {
    };

    @Test
    void a_consumer_retrying_nothing_is_ready_under_its_own_name() {
        HealthCheckResponse response = check.call();

        assertThat(response.getName()).isEqualTo("some-topic consumer");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void a_record_retried_only_briefly_keeps_the_consumer_ready() {
        check.retrying("some-topic-0@7", new IllegalStateException("database down"));

        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void a_record_done_clears_its_retry() {
        check.retrying("some-topic-0@7", new IllegalStateException("database down"));
        check.done();

        assertThat(check.call().getData()).isEmpty();
    }
}
