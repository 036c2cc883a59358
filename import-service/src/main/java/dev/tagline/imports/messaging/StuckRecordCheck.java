package dev.tagline.imports.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness DOWN while a consumed record has been retried for longer than a minute, naming the channel, the
 * record and the last failure: a retried record holds up the records behind it, and an operator should know why.
 */
@Readiness
@ApplicationScoped
public class StuckRecordCheck implements HealthCheck {

    static final Duration PATIENCE = Duration.ofMinutes(1);

    private record Retrying(String record, String failure, Instant since) {
    }

    private final Map<String, Retrying> retryingByChannel = new ConcurrentHashMap<>();

    void retrying(String channel, String record, Throwable failure) {
        retryingByChannel.compute(channel, (ignored, current) -> new Retrying(record, failure.toString(),
                current != null && current.record().equals(record) ? current.since() : Instant.now()));
    }

    void done(String channel) {
        retryingByChannel.remove(channel);
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("consumers").up();
        retryingByChannel.forEach((channel, retrying) -> {
            if (retrying.since().plus(PATIENCE).isBefore(Instant.now())) {
                response.down()
                        .withData(channel + " record", retrying.record())
                        .withData(channel + " retrying since", retrying.since().toString())
                        .withData(channel + " last failure", retrying.failure());
            }
        });
        return response.build();
    }
}
