package dev.tagline.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class StuckRecordCheckTest {

    private final StuckRecordCheck check = new StuckRecordCheck("some-topic consumer") {};

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
    void a_stuck_record_done_makes_the_consumer_ready_again() {
        MutableClock clock = new MutableClock();
        StuckRecordCheck stuck = new StuckRecordCheck("some-topic consumer", clock);
        stuck.retrying("some-topic-0@7", new IllegalStateException("database down"));
        clock.advance(StuckRecordCheck.PATIENCE.plusSeconds(1));
        assertThat(stuck.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);

        stuck.done("some-topic-0@7");

        assertThat(stuck.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(stuck.call().getData()).isEmpty();
    }

    @Test
    void a_record_of_another_partition_done_leaves_a_stuck_record_stuck() {
        MutableClock clock = new MutableClock();
        StuckRecordCheck concurrent = new StuckRecordCheck("some-topic consumer", clock);
        concurrent.retrying("some-topic-0@7", new IllegalStateException("database down"));
        concurrent.retrying("some-topic-1@3", new IllegalStateException("deadlock"));
        concurrent.done("some-topic-1@3");
        clock.advance(StuckRecordCheck.PATIENCE.plusSeconds(1));
        concurrent.retrying("some-topic-0@7", new IllegalStateException("database still down"));

        HealthCheckResponse response = concurrent.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow())
                .containsEntry("record", "some-topic-0@7")
                .containsEntry("last failure", "java.lang.IllegalStateException: database still down");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
