package dev.tagline.triggers;

import dev.tagline.testkit.AccessResource;
import dev.tagline.testkit.KafkaResource;
import dev.tagline.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every {@code @QuarkusTest} of this module runs against a real Kafka broker and a real Postgres from the
 * testkit (Testcontainers where a Docker daemon answers, in-JVM and embedded otherwise), and trusts the tokens
 * of the testkit's JWT issuer.
 */
@QuarkusTestResource(AccessResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
public final class RealInfrastructure {

    private RealInfrastructure() {}
}
