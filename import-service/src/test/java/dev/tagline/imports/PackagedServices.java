package dev.tagline.imports;

import static dev.tagline.testkit.FreePorts.freePort;
import static org.awaitility.Awaitility.await;

import dev.tagline.testkit.BearerJsonClient;
import dev.tagline.testkit.JwtIssuer;
import dev.tagline.testkit.KafkaCluster;
import dev.tagline.testkit.PostgresServer;
import dev.tagline.testkit.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the packaged import-service (and, for end-to-end tests, the packaged tag-service) as processes against the
 * JVM-wide Kafka and Postgres, for the integration tests.
 */
final class PackagedServices {

    static final Path MODULE = Path.of(System.getProperty("tagline.module.dir", "."))
            .toAbsolutePath()
            .normalize();
    static final Path TAG_SERVICE = MODULE.resolveSibling("tag-service");
    static final Duration START = Duration.ofSeconds(120);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Generous: an import fetches from a registry, and a slow machine must not fail the call. */
    private static final Duration CALL_LIMIT = Duration.ofMinutes(2);

    private PackagedServices() {}

    /**
     * Starts the shared infrastructure and points the plain Kafka test clients at it; the environment also makes a
     * service trust the testkit's token issuer, whose token {@link #post} and {@link #get} send.
     */
    static Map<String, String> infrastructure() {
        KafkaCluster kafka = KafkaCluster.shared();
        PostgresServer postgres = PostgresServer.shared();
        System.setProperty("kafka.bootstrap.servers", kafka.bootstrapServers());
        Map<String, String> environment = new HashMap<>(ServiceProcess.infrastructureEnvironment(kafka, postgres));
        JwtIssuer.shared()
                .verificationConfig()
                .forEach((property, value) ->
                        environment.put(property.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        return environment;
    }

    static ImportsDatabase database() {
        PostgresServer postgres = PostgresServer.shared();
        return new ImportsDatabase(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    /** The import-service's environment: the infrastructure, loopback registries allowed, and {@code extra}. */
    static Map<String, String> importServiceEnvironment(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(infrastructure());
        environment.put("TAGLINE_IMPORTS_ALLOWED_REGISTRIES", "127.0.0.1");
        environment.putAll(extra);
        return environment;
    }

    static ServiceProcess startImportService(String name, Map<String, String> extra) {
        return ServiceProcess.start(
                MODULE, freePort(), importServiceEnvironment(extra), MODULE.resolve("target/" + name + ".log"));
    }

    /** The packaged tag-service; a full {@code ./mvnw verify} packages it before this module. */
    static ServiceProcess startTagService() {
        if (!Files.isRegularFile(ServiceProcess.jarOf(TAG_SERVICE))) {
            throw new IllegalStateException("The tag-service is not packaged at " + ServiceProcess.jarOf(TAG_SERVICE)
                    + ": run ./mvnw -pl tag-service -am package -DskipTests first (./mvnw verify builds it before"
                    + " import-service)");
        }
        return ServiceProcess.start(
                TAG_SERVICE, freePort(), infrastructure(), MODULE.resolve("target/tag-service.log"));
    }

    /** Liveness, not readiness: a service whose producer is cut off on purpose is never ready. */
    static void awaitLive(ServiceProcess service) {
        await().atMost(START)
                .ignoreExceptions()
                .until(() -> HTTP.send(
                                        HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/live"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
    }

    /** As a cluster admin, as every API call of these tests is made. */
    static HttpResponse<String> post(ServiceProcess service, String path, String json) {
        return asClusterAdmin().post(service.baseUrl() + path, json);
    }

    static HttpResponse<String> get(ServiceProcess service, String path) {
        return asClusterAdmin().get(service.baseUrl() + path);
    }

    private static BearerJsonClient asClusterAdmin() {
        return new BearerJsonClient(JwtIssuer.shared().clusterAdmin(), CALL_LIMIT);
    }
}
