package dev.tagline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActionTallyTest {

    @Test
    void each_move_must_have_one_action_and_anything_else_is_counted() {
        ActionTally tally = new ActionTally(List.of("sha256:a", "sha256:b", "sha256:c"));

        tally.arrived(new ActionWatcher.Action("sha256:a", "key-a", "ce-a", 1_000));
        tally.arrived(new ActionWatcher.Action("sha256:b", "key-b", "ce-b", 3_000));
        assertThat(tally.allArrived()).isFalse();
        tally.arrived(new ActionWatcher.Action("sha256:a", "key-a", "ce-a", 4_000));
        tally.arrived(new ActionWatcher.Action("sha256:b", "key-b", "ce-other", 5_000));
        tally.arrived(new ActionWatcher.Action("sha256:never-moved", "key-x", "ce-x", 6_000));

        ActionTally.Outcome outcome = tally.outcome();
        assertThat(outcome.expected()).isEqualTo(3);
        assertThat(outcome.matched()).isEqualTo(2);
        assertThat(outcome.lost()).isEqualTo(1);
        assertThat(outcome.redelivered()).as("same idempotency key and ce_id").isEqualTo(1);
        assertThat(outcome.refired()).as("another ce_id").isEqualTo(1);
        assertThat(outcome.unexpected()).isEqualTo(1);
        assertThat(outcome.lastMatchedMillis())
                .as("duplicates and strays do not move the end")
                .isEqualTo(3_000);
        assertThat(outcome.complete()).isFalse();
    }

    @Test
    void redeliveries_leave_a_batch_complete_but_a_second_firing_does_not() {
        ActionTally tally = new ActionTally(List.of("sha256:a"));
        tally.arrived(new ActionWatcher.Action("sha256:a", "key-a", "ce-a", 2_000));
        tally.arrived(new ActionWatcher.Action("sha256:a", "key-a", "ce-a", 1_000));

        assertThat(tally.allArrived()).isTrue();
        assertThat(tally.outcome().complete()).isTrue();

        tally.arrived(new ActionWatcher.Action("sha256:a", "key-other", "ce-a", 3_000));
        assertThat(tally.outcome().complete()).isFalse();
    }
}
