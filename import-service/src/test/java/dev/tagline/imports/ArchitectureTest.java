package dev.tagline.imports;

import dev.tagline.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final ServiceArchitecture ARCHITECTURE = ServiceArchitecture.of("dev.tagline.imports");

    @Test
    void packagesDependOnEachOtherOneWayOnly() {
        ARCHITECTURE.requirePackagesFreeOfCycles();
    }

    @Test
    void usesNoOtherServicesCode() {
        ARCHITECTURE.requireNoOtherServiceCode();
    }
}
