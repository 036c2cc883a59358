package dev.tagline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OpenLoopLoadTest {

    @Test
    void calls_fall_due_at_exact_fractions_of_a_second_without_drift() {
        assertThat(OpenLoopLoad.dueOffsetNanos(0, 3)).isZero();
        assertThat(OpenLoopLoad.dueOffsetNanos(1, 3)).isEqualTo(333_333_333L);
        assertThat(OpenLoopLoad.dueOffsetNanos(3_000, 3)).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void calls_keep_being_started_while_earlier_ones_wait_and_each_is_charged_from_its_due_time() {
        List<Promise<Boolean>> waiting = new CopyOnWriteArrayList<>();
        AtomicBoolean released = new AtomicBoolean();
        ScheduledExecutorService stall = Executors.newSingleThreadScheduledExecutor();

        OpenLoopLoad.Result result =
                OpenLoopLoad.run(100, Duration.ofMillis(200), Duration.ofSeconds(5), (index, due) -> {
                    if (index == 0) {
                        // A server that answers nothing for 300 ms after the first call, then everything at once.
                        stall.schedule(
                                () -> {
                                    released.set(true);
                                    waiting.forEach(call -> call.tryComplete(true));
                                },
                                300,
                                TimeUnit.MILLISECONDS);
                    }
                    Promise<Boolean> call = Promise.promise();
                    waiting.add(call);
                    if (released.get()) {
                        call.tryComplete(true);
                    }
                    return call.future();
                });
        stall.shutdown();

        assertThat(result.offered()).isEqualTo(20);
        assertThat(result.succeeded()).isEqualTo(20);
        assertThat(result.unanswered()).isZero();
        // The first call was due at the start and answered after the stall: a closed loop would have sent one call
        // and recorded one slow answer; this one records all 20 waits.
        assertThat(result.latencyMicros().getMaxValue()).isGreaterThanOrEqualTo(300_000);
        assertThat(result.latencyMicros().getTotalCount()).isEqualTo(20);
    }

    @Test
    void refused_and_unanswered_calls_are_counted_apart_from_successes() {
        OpenLoopLoad.Result result =
                OpenLoopLoad.run(100, Duration.ofMillis(100), Duration.ofMillis(50), (index, due) -> {
                    if (index % 2 == 0) {
                        return Promise.<Boolean>promise().future();
                    }
                    return Future.succeededFuture(index % 3 != 0);
                });

        assertThat(result.offered()).isEqualTo(10);
        assertThat(result.unanswered()).isEqualTo(5);
        assertThat(result.failed()).isEqualTo(2);
        assertThat(result.succeeded()).isEqualTo(3);
        assertThat(result.latencyMicros().getTotalCount()).isEqualTo(3);
    }
}
