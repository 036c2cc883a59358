package dev.tagline.imports;

import static dev.tagline.imports.PackagedServices.MODULE;
import static dev.tagline.imports.PackagedServices.START;
import static dev.tagline.testkit.FreePorts.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagline.testkit.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged service, started with a malformed setting, exits before it needs Kafka or Postgres and says which
 * setting is wrong, rather than starting and failing every import later.
 */
class BadConfigurationIT {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "TAGLINE_IMPORTS_ALLOWED_REGISTRIES, 127.0.0.1:*, tagline.imports.allowed-registries",
        "TAGLINE_IMPORTS_INTERVAL,           -5m,         tagline.imports.interval"
    })
    void a_malformed_setting_stops_the_service_at_start_up_naming_the_setting(
            String variable, String value, String setting) throws IOException {
        Path log = MODULE.resolve("target/bad-configuration-" + variable + ".log");
        Files.deleteIfExists(log);
        try (ServiceProcess service = ServiceProcess.start(MODULE, freePort(), Map.of(variable, value), log)) {
            assertThatThrownBy(() -> service.awaitReady(START)).hasMessageContaining("exited with");
        }
        assertThat(Files.readString(log)).contains(setting).contains(value);
    }
}
