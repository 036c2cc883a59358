package dev.tagline.imports;

import dev.tagline.testkit.DistributionRegistry;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Registries that need credentials, started before the app so that its configuration can name them (their ports
 * are only known then): the real registry behind htpasswd Basic auth, and a {@link TokenRegistry} for the Bearer
 * flow. Tests reach them through the static accessors.
 */
public class AuthRegistries implements QuarkusTestResourceLifecycleManager {

    static final String BASIC_USER = "puller";
    static final String BASIC_PASSWORD = "pull-s3cret";

    private static DistributionRegistry basic;
    private static TokenRegistry token;

    @Override
    public Map<String, String> start() {
        basic = DistributionRegistry.start(null, BASIC_USER + ":" + BASIC_PASSWORD);
        token = TokenRegistry.start();
        return Map.of(
                "tagline.imports.registries.\"" + basic.host() + "\".username",
                BASIC_USER,
                "tagline.imports.registries.\"" + basic.host() + "\".password",
                BASIC_PASSWORD,
                "tagline.imports.registries.\"" + token.host() + "\".username",
                TokenRegistry.USER,
                "tagline.imports.registries.\"" + token.host() + "\".password",
                TokenRegistry.PASSWORD);
    }

    @Override
    public void stop() {
        basic.close();
        token.close();
    }

    static DistributionRegistry basic() {
        return basic;
    }

    static TokenRegistry token() {
        return token;
    }
}
