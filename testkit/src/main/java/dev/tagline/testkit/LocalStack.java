package dev.tagline.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs Kafka, PostgreSQL, a Distribution registry (when {@code docker-registry} is installed) and every packaged
 * Tagline service on this machine, wired as {@link TaglineStack} wires them, until Ctrl-C.
 *
 * <p>Run from the repository root with {@code ./mvnw -pl testkit exec:java}; {@code -Dtagline.root=} names another root.
 * Postgres comes from {@code QUARKUS_DATASOURCE_JDBC_URL}, {@code _USERNAME} and {@code _PASSWORD} when set.
 */
public final class LocalStack {

    private static final int KAFKA_PORT = 9092;

    private LocalStack() {}

    public static void main(String[] args) throws InterruptedException {
        ConsoleLogging.install();
        Path root = Path.of(System.getProperty("tagline.root", System.getProperty("user.dir")))
                .toAbsolutePath()
                .normalize();
        TaglineStack.Options options = TaglineStack.Options.local(root);
        List<AutoCloseable> running = new CopyOnWriteArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopInReverse(running), "local-stack-shutdown"));

        KafkaBroker kafka = kafka();
        running.add(kafka);
        PostgresServer postgres = postgres(options.stateDirectory());
        running.add(postgres);
        TaglineStack stack = TaglineStack.prepare(options);
        running.add(stack);
        stack.run(kafka, postgres);
        print(stack, kafka, postgres, options.stateDirectory());
        Thread.currentThread().join();
    }

    private static void print(TaglineStack stack, KafkaCluster kafka, PostgresServer postgres, Path stateDirectory) {
        System.out.println();
        stack.notes().forEach(note -> System.out.println("Note: " + note));
        for (TaglineStack.Service service : TaglineStack.Service.values()) {
            stack.service(service)
                    .ifPresent(process -> System.out.printf(
                            "%-16s %s  (health %s/q/health, OpenAPI %s/q/openapi, log %s)%n",
                            service.module() + ":",
                            process.baseUrl(),
                            process.baseUrl(),
                            process.baseUrl(),
                            stack.logFile(service)));
        }
        stack.registry()
                .ifPresent(registry -> System.out.printf(
                        "%-16s %s  (push to %s/<namespace>/<stream>:<tag>; notifies %s/webhooks/%s; log %s)%n",
                        "registry:",
                        registry.baseUrl(),
                        registry.host(),
                        stack.url(TaglineStack.Service.WEBHOOK_GATEWAY),
                        TaglineStack.REGISTRY_SOURCE,
                        registry.logFile()));
        System.out.printf(
                "%-16s %s  (topics %s)%n",
                "Kafka:",
                kafka.bootstrapServers(),
                TaglineStack.TOPICS.stream()
                        .map(topic -> topic.name() + "/" + topic.partitions())
                        .toList());
        System.out.printf("%-16s %s  (user %s)%n", "Postgres:", postgres.jdbcUrl(), postgres.username());
        System.out.printf(
                "%-16s %s  (cluster-admin; more users in %s)%n", "API token:", stack.adminToken(), stack.tokenFile());
        Path cliConfig = LocalCliConfig.write(stack, stateDirectory);
        System.out.printf("%-16s %s  (context local, namespace team-a)%n", "tagline config:", cliConfig);
        System.out.println("Try:             export TAGLINE_CONFIG=" + cliConfig + "; cli/target/tagline get is");
        System.out.println("or:              curl -s " + stack.url(TaglineStack.Service.TAG_SERVICE)
                + "/api/v1/namespaces/team-a/imagestreams -H 'Authorization: Bearer " + stack.adminToken() + "'");
        System.out.println("Local stack is up; Ctrl-C stops it.");
    }

    /** On the usual port when it is free, so that documented client commands work; else on any. */
    private static KafkaBroker kafka() {
        if (TaglineStack.portIsFree(KAFKA_PORT)) {
            return KafkaBroker.start(KAFKA_PORT);
        }
        System.out.println("Note: port " + KAFKA_PORT + " is taken, so Kafka listens on another (below).");
        return KafkaBroker.start();
    }

    private static PostgresServer postgres(Path stateDir) {
        return ExternalPostgres.fromEnvironment(
                        "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")
                .orElseGet(() -> EmbeddedPostgresServer.start(stateDir.resolve("postgres")));
    }

    // The stack (services, registry) first, so that no service logs errors about a broker or database that went away.
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
