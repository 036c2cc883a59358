package dev.tagline.gateway.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the Kafka cluster answers: without it every webhook would be refused with 503, so traffic is
 * better sent to a replica that can reach it. Asks without blocking, within a bounded time.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements AsyncHealthCheck {

    private static final String NAME = "kafka";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Admin admin;

    public KafkaReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.admin = Admin.create(ProducerSettings.cluster(kafka));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom()
                .completionStage(
                        () -> admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                                .clusterId()
                                .toCompletionStage())
                .map(clusterId -> HealthCheckResponse.named(NAME)
                        .up()
                        .withData("cluster", String.valueOf(clusterId))
                        .build())
                .onFailure()
                .recoverWithItem(failure -> HealthCheckResponse.named(NAME)
                        .down()
                        .withData("error", failure.getClass().getSimpleName())
                        .build());
    }

    @PreDestroy
    void close() {
        admin.close(TIMEOUT);
    }
}
