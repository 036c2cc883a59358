package dev.tagline.gateway;

import dev.tagline.testkit.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every {@code @QuarkusTest} of this module publishes to a real Kafka broker from the testkit (Testcontainers where
 * a Docker daemon answers, in-JVM otherwise); the gateway needs no database.
 */
@QuarkusTestResource(KafkaResource.class)
public final class RealInfrastructure {

    private RealInfrastructure() {}
}
