package dev.tagline.support.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs the work on a real Vert.x instance; each run is held open by a future the test completes. */
class CoalescedRunsTest {

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicReference<CompletableFuture<Void>> current = new AtomicReference<>();
    private final CoalescedRuns runs = new CoalescedRuns(vertx, "Testing", () -> {
        started.incrementAndGet();
        CompletableFuture<Void> run = new CompletableFuture<>();
        current.set(run);
        return Uni.createFrom().completionStage(run);
    });

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void requests_made_during_a_run_start_exactly_one_more_after_it() throws Exception {
        runs.request();
        awaitStarted(1);

        runs.request();
        runs.request();
        runs.request();
        assertThat(started).hasValue(1);

        current.get().complete(null);
        awaitStarted(2);
        current.get().complete(null);
        Thread.sleep(200);
        assertThat(started).hasValue(2);
    }

    @Test
    void a_failed_run_does_not_stop_later_requests() throws Exception {
        runs.request();
        awaitStarted(1);
        current.get().completeExceptionally(new IllegalStateException("database away"));
        Thread.sleep(100);

        runs.request();
        awaitStarted(2);
    }

    private void awaitStarted(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (started.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(started).hasValue(expected);
    }
}
