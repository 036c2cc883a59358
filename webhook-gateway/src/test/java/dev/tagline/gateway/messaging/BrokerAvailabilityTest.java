package dev.tagline.gateway.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** During an outage one request per interval tries the broker; the others are refused without waiting. */
class BrokerAvailabilityTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final BrokerAvailability availability = new BrokerAvailability(Duration.ofNanos(100), clock::get);

    @Test
    void every_request_tries_while_the_broker_acknowledges() {
        assertThat(availability.mayTry()).isTrue();
        assertThat(availability.mayTry()).isTrue();
    }

    @Test
    void after_a_failure_only_one_request_per_interval_tries() {
        availability.failed(new TimeoutException("no broker"));

        assertThat(availability.mayTry()).isFalse();
        clock.addAndGet(100);
        assertThat(availability.mayTry()).isTrue();
        assertThat(availability.mayTry()).isFalse();
    }

    @Test
    void an_acknowledgement_ends_the_outage() {
        availability.failed(new TimeoutException("no broker"));
        availability.acknowledged();

        assertThat(availability.mayTry()).isTrue();
        assertThat(availability.mayTry()).isTrue();
    }
}
