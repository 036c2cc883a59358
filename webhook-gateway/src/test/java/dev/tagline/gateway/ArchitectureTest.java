package dev.tagline.gateway;

import dev.tagline.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * Unlike the database services, the gateway's packages still depend on each other both ways (auth, domain, messaging
 * and registry share the request and observation types), so only the boundary between services is checked here.
 */
class ArchitectureTest {

    private static final ServiceArchitecture ARCHITECTURE = ServiceArchitecture.of("dev.tagline.gateway");

    @Test
    void usesNoOtherServicesCode() {
        ARCHITECTURE.requireNoOtherServiceCode();
    }
}
