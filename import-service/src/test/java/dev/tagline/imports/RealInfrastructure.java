package dev.tagline.imports;

import dev.tagline.testkit.AccessResource;
import dev.tagline.testkit.KafkaResource;
import dev.tagline.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every {@code @QuarkusTest} of this module runs against a real Kafka broker and a real Postgres from the testkit
 * (Testcontainers where a Docker daemon answers, in-JVM and embedded otherwise), and the registries of
 * {@link AuthRegistries}, and trusts the testkit's token issuer, whose tokens the tests send ({@link Api}).
 */
@QuarkusTestResource(AccessResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(AuthRegistries.class)
public final class RealInfrastructure {

    private RealInfrastructure() {}
}
