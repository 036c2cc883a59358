package dev.tagline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real Distribution registry and skopeo on images built on disk, as the registry tests of every service do. */
class DistributionRegistryTest {

    private static final Pattern TAGGED_V1 = Pattern.compile("\"tag\":\\s*\"v1\"");

    @TempDir
    Path layouts;

    @Test
    void a_pushed_image_has_the_digest_the_layout_computed() {
        try (DistributionRegistry registry = DistributionRegistry.start()) {
            OciImages.LayoutImage image =
                    OciImages.image(layouts.resolve("one"), OciImages.Platform.LINUX_AMD64, "one");
            Skopeo.push(image, registry.host() + "/team-a/app:v1");
            assertEquals(Optional.of(image.digest()), registry.digestOf("team-a/app", "v1"));
        }
    }

    @Test
    void a_registry_on_kept_storage_still_serves_what_was_pushed_before_it_stopped() throws IOException {
        Path storage = layouts.resolve("storage");
        OciImages.LayoutImage image = OciImages.image(layouts.resolve("kept"), OciImages.Platform.LINUX_AMD64, "kept");
        int port = FreePorts.freePort();
        try (DistributionRegistry first =
                DistributionRegistry.startKeeping(port, storage, layouts.resolve("first.log"), null)) {
            Skopeo.push(image, first.host() + "/team-a/app:v1");
        }
        try (DistributionRegistry second =
                DistributionRegistry.startKeeping(port, storage, layouts.resolve("second.log"), null)) {
            assertEquals("127.0.0.1:" + port, second.host());
            assertEquals(Optional.of(image.digest()), second.digestOf("team-a/app", "v1"));
            assertTrue(Files.size(second.logFile()) > 0);
        }
    }

    @Test
    void a_multi_platform_index_keeps_its_digest() {
        try (DistributionRegistry registry = DistributionRegistry.start()) {
            OciImages.LayoutImage index = OciImages.index(
                    layouts.resolve("multi"),
                    List.of(OciImages.Platform.LINUX_AMD64, OciImages.Platform.LINUX_ARM64),
                    "multi");
            Skopeo.push(index, registry.host() + "/team-a/app:multi");
            assertEquals(Optional.of(index.digest()), registry.digestOf("team-a/app", "multi"));
            assertEquals(2, index.childDigests().size());
        }
    }

    @Test
    void a_registry_with_basic_auth_refuses_pushes_without_credentials() {
        try (DistributionRegistry registry = DistributionRegistry.start(null, "pusher:s3cret")) {
            OciImages.LayoutImage image =
                    OciImages.image(layouts.resolve("auth"), OciImages.Platform.LINUX_AMD64, "auth");
            assertThrows(IllegalStateException.class, () -> Skopeo.push(image, registry.host() + "/team-a/app:v1"));
            Skopeo.push(image, registry.host() + "/team-a/app:v1", Skopeo.Format.DOCKER_V2, "pusher:s3cret");
            assertTrue(registry.digestOf("team-a/app", "v1").isPresent());
        }
    }

    @Test
    void notifications_reach_the_configured_endpoint_with_its_headers() throws IOException, InterruptedException {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/local";
        try (DistributionRegistry registry = DistributionRegistry.start(
                DistributionRegistry.Notifications.to(url, Map.of("Authorization", "Bearer token-1")), null)) {
            OciImages.LayoutImage image = OciImages.image(layouts.resolve("n"), OciImages.Platform.LINUX_AMD64, "n");
            Skopeo.push(image, registry.host() + "/team-a/app:v1");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (bodies.stream().noneMatch(body -> TAGGED_V1.matcher(body).find())
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertTrue(
                    bodies.stream().anyMatch(body -> TAGGED_V1.matcher(body).find() && body.contains(image.digest())),
                    () -> "no tagged push among " + bodies);
            assertTrue(authorizations.stream().allMatch("Bearer token-1"::equals), authorizations::toString);
        } finally {
            receiver.stop(0);
        }
    }
}
