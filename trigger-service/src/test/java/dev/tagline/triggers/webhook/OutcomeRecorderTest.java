package dev.tagline.triggers.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.triggers.domain.AttemptOutcome;
import dev.tagline.triggers.domain.ClaimedDelivery;
import dev.tagline.triggers.domain.Delivery;
import dev.tagline.triggers.store.DeliveryLeases;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batching of {@link OutcomeRecorder}, with the statement replaced by a recording stand-in. */
class OutcomeRecorderTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final Vertx vertx = Vertx.vertx();
    private final RecordedStatements statements = new RecordedStatements();

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void a_full_batch_is_recorded_in_one_statement_at_once_and_the_next_outcome_waits_for_the_linger() {
        OutcomeRecorder recorder = new OutcomeRecorder(statements, vertx, Duration.ofHours(1));
        List<CompletableFuture<Optional<Instant>>> recorded = new ArrayList<>();
        for (long id = 1; id <= OutcomeRecorder.MAX_BATCH + 1; id++) {
            recorded.add(recorder.record(attempted(id, AttemptOutcome.answered(200), Optional.empty()))
                    .subscribeAsCompletionStage());
        }

        assertThat(statements.calls)
                .singleElement()
                .satisfies(call -> assertThat(call).hasSize(OutcomeRecorder.MAX_BATCH));
        assertThat(recorded.subList(0, OutcomeRecorder.MAX_BATCH))
                .allSatisfy(done -> assertThat(done).isCompletedWithValue(Optional.empty()));
        assertThat(recorded.get(OutcomeRecorder.MAX_BATCH)).isNotDone();
    }

    @Test
    void a_lone_outcome_is_recorded_after_the_linger_and_answers_when_its_retry_is_due() {
        OutcomeRecorder recorder = new OutcomeRecorder(statements, vertx, Duration.ofMillis(1));
        Instant retryAt = NOW.plusSeconds(5);

        Optional<Instant> due = recorder.record(attempted(7, AttemptOutcome.answered(500), Optional.of(retryAt)))
                .await()
                .atMost(Duration.ofSeconds(5));

        assertThat(due).contains(retryAt);
        assertThat(statements.calls)
                .singleElement()
                .satisfies(call -> assertThat(call).singleElement().satisfies(attempt -> {
                    assertThat(attempt.delivery().id).isEqualTo(7);
                    assertThat(attempt.delivery().lastStatusCode).isEqualTo(500);
                    assertThat(attempt.delivery().nextAttemptAt).isEqualTo(retryAt);
                }));
    }

    @Test
    void an_attempt_whose_claim_no_longer_holds_schedules_no_retry() {
        OutcomeRecorder recorder = new OutcomeRecorder(statements, vertx, Duration.ofMillis(1));
        statements.claimLost.set(true);

        Optional<Instant> due = recorder.record(
                        attempted(8, AttemptOutcome.answered(500), Optional.of(NOW.plusSeconds(5))))
                .await()
                .atMost(Duration.ofSeconds(5));

        assertThat(due).isEmpty();
    }

    private static DeliveryLeases.Attempted attempted(long id, AttemptOutcome outcome, Optional<Instant> next) {
        ClaimedDelivery claimed = new ClaimedDelivery(
                id, UUID.randomUUID(), "key-" + id, "{}", 1, "http://127.0.0.1:1/hook", "http://127.0.0.1:1", null);
        return new DeliveryLeases.Attempted(claimed.claimToken(), Delivery.attempted(claimed, outcome, next, NOW));
    }

    /** Answers as the statement would when every claim holds, or when none does. */
    private static final class RecordedStatements extends DeliveryLeases {

        final List<List<Attempted>> calls = new CopyOnWriteArrayList<>();
        final AtomicBoolean claimLost = new AtomicBoolean();

        RecordedStatements() {
            super(null);
        }

        @Override
        public Uni<Map<Long, Optional<Instant>>> record(List<Attempted> attempts) {
            calls.add(attempts);
            Map<Long, Optional<Instant>> recorded = new HashMap<>();
            if (!claimLost.get()) {
                attempts.forEach(attempt ->
                        recorded.put(attempt.delivery().id, Optional.ofNullable(attempt.delivery().nextAttemptAt)));
            }
            return Uni.createFrom().item(recorded);
        }
    }
}
