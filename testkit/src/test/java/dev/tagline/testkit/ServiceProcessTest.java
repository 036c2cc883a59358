package dev.tagline.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a real child JVM from a module laid out like a packaged Quarkus service, and stops it both ways. */
class ServiceProcessTest {

    private static final Duration READY = Duration.ofSeconds(30);

    @TempDir
    Path moduleDir;

    private Path log;

    @BeforeEach
    void packageFakeService() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeQuarkusService.class.getName());
        manifest.getMainAttributes()
                .put(
                        Attributes.Name.CLASS_PATH,
                        FakeQuarkusService.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toString());
        Path jar = ServiceProcess.jarOf(moduleDir);
        Files.createDirectories(jar.getParent());
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            // The manifest alone makes the jar: the classes come from its class path.
        }
        Files.writeString(jar.resolveSibling("jvm.options"), "-Xmx64m -Dfake.marker=read\n");
        log = moduleDir.resolve("target/service.log");
    }

    @Test
    void a_started_service_becomes_ready_with_the_given_environment_and_packaged_jvm_options() throws IOException {
        try (ServiceProcess service =
                ServiceProcess.start(moduleDir, FreePorts.freePort(), Map.of("GREETING", "hello"), log)) {
            service.awaitReady(READY);

            assertTrue(Files.readString(log).contains("started with GREETING=hello"));
            // In the jar's directory, which the options' relative paths (the class-data archive) are relative to.
            assertTrue(Files.readString(log)
                    .contains("started with fake.marker=read in "
                            + ServiceProcess.jarOf(moduleDir).getParent()));
        }
    }

    @Test
    void closing_lets_the_service_shut_down_gracefully() throws IOException {
        ServiceProcess service = ServiceProcess.start(moduleDir, FreePorts.freePort(), Map.of(), log);
        service.awaitReady(READY);

        service.close();

        assertTrue(Files.readString(log).contains(FakeQuarkusService.GRACEFUL_STOP));
    }

    @Test
    void killing_crashes_the_service_without_running_its_shutdown_hooks() throws IOException {
        ServiceProcess service = ServiceProcess.start(moduleDir, FreePorts.freePort(), Map.of(), log);
        service.awaitReady(READY);

        service.kill();

        assertFalse(Files.readString(log).contains(FakeQuarkusService.GRACEFUL_STOP));
        assertThrows(IllegalStateException.class, () -> service.awaitReady(READY));
    }
}
