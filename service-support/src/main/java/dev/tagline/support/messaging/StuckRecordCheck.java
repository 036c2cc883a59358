package dev.tagline.support.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Readiness DOWN while a consumed record has been retried for longer than a minute, naming the record and the
 * last failure: a retried record holds up the records behind it, and an operator should know why. Each service
 * makes it a {@code @Readiness} bean for its own consumer, so the check's name says which one is stuck.
 */
public class StuckRecordCheck implements HealthCheck {

    public static final Duration PATIENCE = Duration.ofMinutes(1);

    private record Retrying(String record, String failure, Instant since) {
    }

    private final String checkName;
    private final AtomicReference<Retrying> retrying = new AtomicReference<>();

    protected StuckRecordCheck(String checkName) {
        this.checkName = checkName;
    }

    public void retrying(String record, Throwable failure) {
        retrying.updateAndGet(current -> new Retrying(record, failure.toString(),
                current != null && current.record().equals(record) ? current.since() : Instant.now()));
    }

    public void done() {
        retrying.set(null);
    }

    @Override
    public HealthCheckResponse call() {
        Retrying current = retrying.get();
        boolean stuck = current != null && current.since().plus(PATIENCE).isBefore(Instant.now());
        var response = HealthCheckResponse.named(checkName).status(!stuck);
        if (stuck) {
            response.withData("record", current.record())
                    .withData("retrying since", current.since().toString())
                    .withData("last failure", current.failure());
        }
        return response.build();
    }
}
