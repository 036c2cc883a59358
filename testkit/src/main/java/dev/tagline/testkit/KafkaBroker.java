package dev.tagline.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;

/** A single-node KRaft Kafka broker (broker and controller in one) running inside this JVM. */
public final class KafkaBroker implements KafkaCluster {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final List<String> LOG_CATEGORIES = List.of("kafka", "org.apache.kafka", "state.change.logger");

    private final Path dataDir;
    private final Map<String, String> config;
    private final String bootstrapServers;
    private KafkaRaftServer server;

    private KafkaBroker(Path dataDir, Map<String, String> config, KafkaRaftServer server, String bootstrapServers) {
        this.dataDir = dataDir;
        this.config = config;
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats fresh storage in a temporary directory and starts the broker on free loopback ports. */
    public static KafkaBroker start() {
        return start(0);
    }

    /** As {@link #start()}, with the broker listening on loopback {@code port} (0 for a free one). */
    public static KafkaBroker start(int port) {
        QuietLogs.warningsOnly(LOG_CATEGORIES);
        Path dataDir = createDataDir();
        KafkaRaftServer server = null;
        try {
            int[] ports = twoFreePorts();
            int brokerPort = port == 0 ? ports[0] : port;
            Map<String, String> config = config(dataDir, brokerPort, ports[1]);
            format(dataDir);
            server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
            server.startup();
            return new KafkaBroker(dataDir, config, server, "127.0.0.1:" + brokerPort);
        } catch (Exception e) {
            if (server != null) {
                server.shutdown();
            }
            delete(dataDir);
            throw new IllegalStateException("Could not start the in-JVM Kafka broker", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Runs a broker in its own process, for {@link KafkaBrokerProcess}: on the data directory and ports the arguments
     * name, formatting the directory only when it is empty, so that a broker killed and started again keeps its
     * topics, records and committed offsets. Prints {@value KafkaBrokerProcess#READY} once it serves, then runs until
     * the process ends.
     */
    public static void main(String[] args) throws Exception {
        ConsoleLogging.install();
        QuietLogs.warningsOnly(LOG_CATEGORIES);
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Map<String, String> config = config(dataDir, port, Integer.parseInt(args[2]));
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            format(dataDir);
        }
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        server.startup();
        System.out.println(KafkaBrokerProcess.READY);
        server.awaitShutdown();
    }

    /** Shuts the broker down as an outage would, keeping its data and ports for {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts a stopped broker again on the same ports, with the topics and records it had. */
    public synchronized void restart() {
        if (server == null) {
            server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
            server.startup();
        }
    }

    /** Stops the broker and deletes its data. */
    @Override
    public void close() {
        stop();
        delete(dataDir);
    }

    static Path createDataDir() {
        try {
            return Files.createTempDirectory("tagline-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a data directory for Kafka", e);
        }
    }

    static void delete(Path dataDir) {
        try {
            Utils.delete(dataDir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dataDir, e);
        }
    }

    private static Map<String, String> config(Path dataDir, int port, int controllerPort) {
        Map<String, String> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        config.put(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", dataDir.toString());
        config.put("auto.create.topics.enable", "true");
        config.put("group.initial.rebalance.delay.ms", "0");
        // A single node can only hold one replica of the internal topics.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // Test data is small: keep segments, indexes and the cleaner's buffer from reserving real memory and disk.
        config.put("log.segment.bytes", String.valueOf(1024 * 1024));
        config.put("log.index.size.max.bytes", String.valueOf(64 * 1024));
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "2");
        return config;
    }

    private static void format(Path dataDir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(dataDir.toString())
                .setDirectories(List.of(dataDir.toString()))
                .run();
    }

    /** The broker's and the controller's port, both held open while choosing so that they differ. */
    static int[] twoFreePorts() throws IOException {
        try (ServerSocket broker = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket controller = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new int[] {broker.getLocalPort(), controller.getLocalPort()};
        }
    }
}
