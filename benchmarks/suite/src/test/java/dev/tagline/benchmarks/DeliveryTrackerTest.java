package dev.tagline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryTrackerTest {

    @Test
    void each_webhook_must_arrive_once_on_each_path_and_anything_else_is_counted() {
        DeliveryTracker tracker = new DeliveryTracker();
        tracker.sending("sha256:a", System.nanoTime());
        tracker.sending("sha256:b", System.nanoTime());
        tracker.sending("sha256:refused", System.nanoTime());
        tracker.refused("sha256:refused");

        tracker.webhookArrived("sha256:a", true);
        tracker.actionArrived("sha256:a");
        tracker.webhookArrived("sha256:b", false);
        assertThat(tracker.allArrived()).isFalse();
        tracker.actionArrived("sha256:b");
        tracker.actionArrived("sha256:b");
        tracker.webhookArrived("sha256:never-sent", true);

        DeliveryTracker.Outcome outcome = tracker.outcome();
        assertThat(tracker.allArrived()).isTrue();
        assertThat(outcome.expected()).isEqualTo(2);
        assertThat(outcome.webhooks()).isEqualTo(2);
        assertThat(outcome.actions()).isEqualTo(2);
        assertThat(outcome.duplicates()).isEqualTo(1);
        assertThat(outcome.badSignatures()).isEqualTo(1);
        assertThat(outcome.unexpected()).isEqualTo(1);
        assertThat(outcome.complete())
                .as("a duplicate and a bad signature spoil the run")
                .isFalse();
        assertThat(outcome.webhookLatency().count()).isEqualTo(2);
    }
}
