package dev.tagline.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs Kafka, PostgreSQL and every packaged Tagline service on this machine until Ctrl-C.
 *
 * <p>Run from the repository root with {@code ./mvnw -pl testkit exec:java}; {@code -Dtagline.root=} names another root.
 * Postgres comes from {@code QUARKUS_DATASOURCE_JDBC_URL}, {@code _USERNAME} and {@code _PASSWORD} when set.
 */
public final class LocalStack {

    private record Service(String module, int port) {
    }

    private record Topic(String name, int partitions) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("webhook-gateway", 8081),
            new Service("tag-service", 8082),
            new Service("import-service", 8083),
            new Service("trigger-service", 8084));

    private static final List<Topic> TOPICS = List.of(
            new Topic("registry-tag-events", 3),
            new Topic("registry-tag-events-dlq", 1),
            new Topic("imagestream-tag-events", 3),
            new Topic("imagestream-tag-events-dlq", 1),
            new Topic("trigger-actions", 3),
            new Topic("import-requests", 3),
            new Topic("import-requests-dlq", 1));

    private static final Duration SERVICE_START = Duration.ofMinutes(2);

    private LocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        ConsoleLogging.install();
        Path root = Path.of(System.getProperty("tagline.root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        Path stateDir = root.resolve("target/local-stack");
        List<AutoCloseable> running = new CopyOnWriteArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopInReverse(running), "local-stack-shutdown"));

        KafkaBroker kafka = KafkaBroker.start();
        running.add(kafka);
        TOPICS.forEach(topic -> kafka.createTopic(topic.name(), topic.partitions()));
        PostgresServer postgres = postgres(stateDir);
        running.add(postgres);
        System.out.println("Kafka bootstrap servers: " + kafka.bootstrapServers());
        System.out.println("Postgres JDBC URL:       " + postgres.jdbcUrl() + " (user " + postgres.username() + ")");

        Map<String, String> environment = new HashMap<>(ServiceProcess.infrastructureEnvironment(kafka, postgres));
        Path tokens = LocalTokens.ensure(stateDir.resolve("tokens"));
        environment.put("TAGLINE_ACCESS_TOKEN_FILE", tokens.toString());
        startServices(root, stateDir, environment, running);
        System.out.println("API token (cluster-admin): " + LocalTokens.adminToken(tokens) + "  (more in " + tokens + ")");
        System.out.println("Local stack is up; Ctrl-C stops it.");
        Thread.currentThread().join();
    }

    private static void startServices(Path root, Path stateDir, Map<String, String> environment, List<AutoCloseable> running) {
        for (Service service : SERVICES) {
            Path moduleDir = root.resolve(service.module());
            if (!Files.isRegularFile(ServiceProcess.jarOf(moduleDir))) {
                System.out.println(service.module() + ": not packaged, skipped (./mvnw -pl " + service.module() + " package)");
                continue;
            }
            Path log = stateDir.resolve(service.module() + ".log");
            ServiceProcess process = ServiceProcess.start(moduleDir, service.port(), environment, log);
            running.add(process);
            process.awaitReady(SERVICE_START);
            System.out.println(service.module() + ": " + process.baseUrl()
                    + "  health " + process.baseUrl() + "/q/health"
                    + "  OpenAPI " + process.baseUrl() + "/q/openapi"
                    + "  log " + log);
        }
    }

    private static PostgresServer postgres(Path stateDir) {
        return ExternalPostgres.fromEnvironment("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")
                .orElseGet(() -> EmbeddedPostgresServer.start(stateDir.resolve("postgres")));
    }

    // Services first, so that none of them logs errors about a broker or database that went away under it.
    private static void stopInReverse(List<AutoCloseable> running) {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("Could not stop " + running.get(i).getClass().getSimpleName() + ": " + e);
            }
        }
    }
}
