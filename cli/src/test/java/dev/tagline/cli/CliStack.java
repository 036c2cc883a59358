package dev.tagline.cli;

import dev.tagline.testkit.Directories;
import dev.tagline.testkit.DistributionRegistry;
import dev.tagline.testkit.KafkaCluster;
import dev.tagline.testkit.PostgresServer;
import dev.tagline.testkit.TaglineStack;
import dev.tagline.testkit.TaglineStack.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The packaged services on the real in-JVM Kafka, embedded Postgres and Distribution registry, started once for every
 * test class of this JVM (the services take most of a minute to start on a busy machine) and stopped when it exits.
 * Its token file has a cluster-admin token and {@link #VIEWER_TOKEN}, which may only view {@link #VIEWED_NAMESPACE}.
 */
final class CliStack {

    static final String VIEWER_TOKEN = "viewer-token-7f3a9c2e5b1d4086";
    static final String VIEWED_NAMESPACE = "team-a";

    private static CliStack shared;

    private final TaglineStack stack;
    private final WebhookReceiver receiver;
    private final Path stateDirectory;

    private CliStack(TaglineStack stack, WebhookReceiver receiver, Path stateDirectory) {
        this.stack = stack;
        this.receiver = receiver;
        this.stateDirectory = stateDirectory;
    }

    static synchronized CliStack shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "cli-stack-shutdown"));
        }
        return shared;
    }

    private static CliStack start() {
        Path root = Path.of(System.getProperty("tagline.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path state =
                Path.of(System.getProperty("tagline.state.dir", "target/stack")).toAbsolutePath();
        Directories.deleteRecursively(state);
        TaglineStack stack = TaglineStack.prepare(TaglineStack.Options.forTests(root, state));
        // The services read the token file once, at start-up.
        appendLine(stack.tokenFile(), VIEWER_TOKEN + " viewer " + VIEWED_NAMESPACE + ":view");
        stack.run(KafkaCluster.shared(), PostgresServer.shared());
        return new CliStack(stack, WebhookReceiver.start(), state);
    }

    TaglineStack stack() {
        return stack;
    }

    String url(Service service) {
        return stack.url(service);
    }

    String adminToken() {
        return stack.adminToken();
    }

    DistributionRegistry registry() {
        return stack.registry().orElseThrow();
    }

    WebhookReceiver receiver() {
        return receiver;
    }

    /** A fresh directory for one test's files (config files, images). */
    Path directory(String name) {
        try {
            return Files.createDirectories(stateDirectory.resolve("tests").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void close() {
        stack.close();
        receiver.close();
    }

    private static void appendLine(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
