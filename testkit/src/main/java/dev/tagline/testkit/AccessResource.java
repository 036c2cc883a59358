package dev.tagline.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Makes a Quarkus test app trust the JVM-wide {@link JwtIssuer}, whose tokens the tests then send. */
public class AccessResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return JwtIssuer.shared().verificationConfig();
    }

    @Override
    public void stop() {}
}
