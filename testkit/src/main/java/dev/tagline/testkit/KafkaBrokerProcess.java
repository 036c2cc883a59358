package dev.tagline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft broker in a process of its own (this JVM's class path, {@link KafkaBroker#main}), so that a
 * test can crash it with SIGKILL, as a machine failure would, and start it again on the same data and ports.
 */
public final class KafkaBrokerProcess implements KafkaCluster {

    static final String READY = "tagline-kafka-broker-ready";
    private static final Duration START_LIMIT = Duration.ofMinutes(2);

    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBrokerProcess(Path dataDir, Path logFile, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats fresh storage in a temporary directory and starts the broker on free loopback ports. */
    public static KafkaBrokerProcess start(Path logFile) {
        try {
            int[] ports = KafkaBroker.twoFreePorts();
            KafkaBrokerProcess broker =
                    new KafkaBrokerProcess(KafkaBroker.createDataDir(), logFile, ports[0], ports[1]);
            broker.restart();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not choose ports for Kafka", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Crashes the broker: SIGKILL, nothing flushed or handed over, then waits until it is gone. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while Kafka was being killed", e);
            }
            process = null;
        }
    }

    /** Starts the broker on its data and ports, unless it runs; returns once it serves. */
    public synchronized void restart() {
        if (process != null) {
            return;
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        java.toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        KafkaBroker.class.getName(),
                        dataDir.toString(),
                        String.valueOf(port),
                        String.valueOf(controllerPort)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            long readyBefore = Files.exists(logFile) ? countReady() : 0;
            process = builder.start();
            awaitReady(readyBefore);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Kafka", e);
        }
    }

    /** Stops the broker and deletes its data. */
    @Override
    public void close() {
        kill();
        KafkaBroker.delete(dataDir);
    }

    private void awaitReady(long readyBefore) throws IOException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (countReady() <= readyBefore) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException("Kafka did not start; see " + logFile);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while Kafka was starting", e);
            }
        }
    }

    private long countReady() throws IOException {
        try (var lines = Files.lines(logFile)) {
            return lines.filter(READY::equals).count();
        }
    }
}
