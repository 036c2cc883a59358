package dev.tagline.triggers.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness DOWN while an {@code imagestream-tag-events} record has been retried for longer than a minute,
 * naming the record and the last failure: a retried record holds up the records behind it, and an operator
 * should know why.
 */
@Readiness
@ApplicationScoped
public class StuckRecordCheck implements HealthCheck {

    static final Duration PATIENCE = Duration.ofMinutes(1);

    private record Retrying(String record, String failure, Instant since) {
    }

    private final AtomicReference<Retrying> retrying = new AtomicReference<>();

    void retrying(String record, Throwable failure) {
        retrying.updateAndGet(current -> new Retrying(record, failure.toString(),
                current != null && current.record().equals(record) ? current.since() : Instant.now()));
    }

    void done() {
        retrying.set(null);
    }

    @Override
    public HealthCheckResponse call() {
        Retrying current = retrying.get();
        boolean stuck = current != null && current.since().plus(PATIENCE).isBefore(Instant.now());
        var response = HealthCheckResponse.named("imagestream-tag-events consumer").status(!stuck);
        if (stuck) {
            response.withData("record", current.record())
                    .withData("retrying since", current.since().toString())
                    .withData("last failure", current.failure());
        }
        return response.build();
    }
}
