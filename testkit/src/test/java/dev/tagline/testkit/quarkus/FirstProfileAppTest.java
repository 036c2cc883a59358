package dev.tagline.testkit.quarkus;

import dev.tagline.testkit.KafkaResource;
import dev.tagline.testkit.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/** Runs a Quarkus app under the first of two test profiles. */
@QuarkusTest
@TestProfile(FirstProfileAppTest.Profile.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class FirstProfileAppTest extends ProfileAppTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tagline.test.profile", "first");
        }
    }
}
