package dev.tagline.benchmarks;

import dev.tagline.testkit.KafkaCluster;
import dev.tagline.testkit.PostgresServer;
import dev.tagline.testkit.ServiceProcess;
import dev.tagline.testkit.TaglineStack;
import dev.tagline.testkit.TaglineStack.Service;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.Map;

/** The packaged services under test, wired by {@link TaglineStack}, with what the benchmarks need to reach them. */
final class BenchStack implements AutoCloseable {

    private final TaglineStack stack;
    private final KafkaCluster kafka;
    private final PostgresServer postgres;

    private BenchStack(TaglineStack stack, KafkaCluster kafka, PostgresServer postgres) {
        this.stack = stack;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    static BenchStack start(TaglineStack.Options options, KafkaCluster kafka, PostgresServer postgres) {
        return new BenchStack(TaglineStack.start(options, kafka, postgres), kafka, postgres);
    }

    KafkaCluster kafka() {
        return kafka;
    }

    PostgresServer postgres() {
        return postgres;
    }

    TaglineStack stack() {
        return stack;
    }

    /** The registry name the gateway gives the pushes it is notified of. */
    String registryHost() {
        return stack.registry().orElseThrow().host();
    }

    /** A client posting to the gateway's source for the stack's registry, authenticated as that registry. */
    WebhookClient gatewayClient(Vertx vertx) {
        return new WebhookClient(
                vertx,
                stack.url(Service.WEBHOOK_GATEWAY) + "/webhooks/" + TaglineStack.REGISTRY_SOURCE,
                DistributionWebhooks.headers(stack.registryNotificationToken()));
    }

    TaglineRest rest() {
        return new TaglineRest(stack.adminToken());
    }

    /** {@code <service>/api/v1/namespaces/<namespace><path>} */
    String url(Service service, String namespace, String path) {
        return stack.url(service) + "/api/v1/namespaces/" + namespace + path;
    }

    /** The running services' process ids, by module name. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            stack.service(service).ifPresent(process -> pids.put(service.module(), process.pid()));
        }
        return pids;
    }

    ServiceProcess process(Service service) {
        return stack.service(service).orElseThrow();
    }

    @Override
    public void close() {
        stack.close();
    }
}
