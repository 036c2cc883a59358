package dev.tagline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A packaged Quarkus service running as a child process, which tests can crash and the local stack can stop. */
public final class ServiceProcess implements AutoCloseable {

    // Short, so that the moment a service becomes ready is known to within a few milliseconds.
    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(20);
    private final Process process;
    private final int port;
    private final Path logFile;
    private final long launchedAt;
    private volatile Duration readyAfter;

    private ServiceProcess(Process process, int port, Path logFile, long launchedAt) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.launchedAt = launchedAt;
    }

    /** The environment that points a Tagline service at the given Kafka cluster and Postgres server. */
    public static Map<String, String> infrastructureEnvironment(KafkaCluster kafka, PostgresServer postgres) {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(),
                "QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(),
                "QUARKUS_DATASOURCE_USERNAME", postgres.username(),
                "QUARKUS_DATASOURCE_PASSWORD", postgres.password());
    }

    /** The runnable jar that {@code mvn package} leaves in a Quarkus module. */
    public static Path jarOf(Path moduleDir) {
        return moduleDir.resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * The JVM options the build packages beside the jar ({@code jvm.options}, one line, from the repository's
     * {@code jvm/jvm.options}), which every launcher of a service uses: its heap and collector, and its class-data
     * archive, named relative to the jar's directory.
     */
    public static List<String> jvmOptionsOf(Path moduleDir) {
        Path file = jarOf(moduleDir).resolveSibling("jvm.options");
        try {
            return List.of(Files.readString(file).strip().split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException("No JVM options at " + file + "; run mvn package in " + moduleDir, e);
        }
    }

    /**
     * Runs {@code java <jvm.options> -jar quarkus-run.jar} in {@code <moduleDir>/target/quarkus-app}, where the
     * options' relative paths point, with HTTP on {@code port} and the given extra environment, appending stdout and
     * stderr to {@code logFile}.
     */
    public static ServiceProcess start(Path moduleDir, int port, Map<String, String> environment, Path logFile) {
        Path jar = jarOf(moduleDir);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No packaged service at " + jar + "; run mvn package in " + moduleDir);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptionsOf(moduleDir));
        command.addAll(List.of("-jar", jar.getFileName().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                // Appending keeps what a service wrote before a crash test killed and restarted it.
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            long launchedAt = System.nanoTime();
            return new ServiceProcess(builder.start(), port, logFile, launchedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + jar, e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The operating system's id of the service's JVM, to read its resource use. */
    public long pid() {
        return process.pid();
    }

    /** From launching the JVM to the first ready answer, once {@link #awaitReady} saw it. */
    public Optional<Duration> readyAfter() {
        return Optional.ofNullable(readyAfter);
    }

    /** Waits until the service reports ready at {@code /q/health/ready}. */
    public void awaitReady(Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Service on port " + port + " exited with " + process.exitValue() + "; see " + logFile);
            }
            if (answersOk(http, ready)) {
                if (readyAfter == null) {
                    readyAfter = Duration.ofNanos(System.nanoTime() - launchedAt);
                }
                return;
            }
            sleep(POLL_INTERVAL);
        }
        throw new IllegalStateException("Service on port " + port + " not ready after " + timeout + "; see " + logFile);
    }

    /** Crashes the service: SIGKILL, no shutdown hooks, then waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** Asks the service to shut down and kills it if it has not within a grace period. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void waitForExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "Interrupted while waiting for the service on port " + port + " to exit", e);
        }
    }

    private static boolean answersOk(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a service to be ready", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a service to be ready", e);
        }
    }
}
