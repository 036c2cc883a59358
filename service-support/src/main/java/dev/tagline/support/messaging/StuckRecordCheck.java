package dev.tagline.support.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Readiness DOWN while a consumed record has been retried for longer than a minute, naming the record and the
 * last failure: a retried record holds up the records behind it, and an operator should know why. Each service
 * makes it a {@code @Readiness} bean for its own consumer, so the check's name says which one is stuck. A consumer
 * may apply several partitions at once, each its own record: the check keeps each record's retry until that record
 * is done, and reports the longest.
 */
public class StuckRecordCheck implements HealthCheck {

    public static final Duration PATIENCE = Duration.ofMinutes(1);

    private record Retrying(String record, String failure, Instant since) {}

    private final String checkName;
    private final Clock clock;
    private final Map<String, Retrying> retryingByRecord = new ConcurrentHashMap<>();

    protected StuckRecordCheck(String checkName) {
        this(checkName, Clock.systemUTC());
    }

    StuckRecordCheck(String checkName, Clock clock) {
        this.checkName = checkName;
        this.clock = clock;
    }

    public void retrying(String record, Throwable failure) {
        retryingByRecord.compute(
                record,
                (key, current) ->
                        new Retrying(record, failure.toString(), current != null ? current.since() : clock.instant()));
    }

    public void done(String record) {
        retryingByRecord.remove(record);
    }

    @Override
    public HealthCheckResponse call() {
        Optional<Retrying> longest = retryingByRecord.values().stream().min(Comparator.comparing(Retrying::since));
        boolean stuck =
                longest.isPresent() && longest.get().since().plus(PATIENCE).isBefore(clock.instant());
        var response = HealthCheckResponse.named(checkName).status(!stuck);
        if (stuck) {
            Retrying current = longest.get();
            response.withData("record", current.record())
                    .withData("retrying since", current.since().toString())
                    .withData("last failure", current.failure());
        }
        return response.build();
    }
}
