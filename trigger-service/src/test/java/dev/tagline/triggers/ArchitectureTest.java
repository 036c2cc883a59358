package dev.tagline.triggers;

import dev.tagline.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final ServiceArchitecture ARCHITECTURE = ServiceArchitecture.of("dev.tagline.triggers");

    @Test
    void packagesDependOnEachOtherOneWayOnly() {
        ARCHITECTURE.requirePackagesFreeOfCycles();
    }

    @Test
    void usesNoOtherServicesCode() {
        ARCHITECTURE.requireNoOtherServiceCode();
    }
}
