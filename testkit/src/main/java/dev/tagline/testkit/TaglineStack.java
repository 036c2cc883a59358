package dev.tagline.testkit;

import dev.tagline.events.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the four Tagline services are wired together on one machine: their ports, the environment each one needs to
 * work with the others, the topics and their partitions, and a Distribution registry whose notifications reach the
 * gateway. {@link LocalStack} runs it on fixed ports; system tests run it on free ones.
 */
public final class TaglineStack implements AutoCloseable {

    /** A topic and the partitions the services need. */
    public record Topic(String name, int partitions) {}

    /**
     * Every topic the services use, with its partitions: keyed topics get 3 so that tags spread over consumers,
     * dead-letter topics 1. Deployment descriptors (docker-compose, Kubernetes) must create the same.
     */
    public static final List<Topic> TOPICS = List.of(
            new Topic(Topics.REGISTRY_TAG_EVENTS, 3),
            new Topic(Topics.deadLetter(Topics.REGISTRY_TAG_EVENTS), 1),
            new Topic(Topics.IMAGESTREAM_TAG_EVENTS, 3),
            new Topic(Topics.deadLetter(Topics.IMAGESTREAM_TAG_EVENTS), 1),
            new Topic(Topics.TRIGGER_ACTIONS, 3),
            new Topic(Topics.IMPORT_REQUESTS, 3),
            new Topic(Topics.deadLetter(Topics.IMPORT_REQUESTS), 1));

    /** A Tagline service: its Maven module and the HTTP port it has in the architecture. */
    public enum Service {
        WEBHOOK_GATEWAY("webhook-gateway", 8081),
        TAG_SERVICE("tag-service", 8082),
        IMPORT_SERVICE("import-service", 8083),
        TRIGGER_SERVICE("trigger-service", 8084);

        private final String module;
        private final int standardPort;

        Service(String module, int standardPort) {
            this.module = module;
            this.standardPort = standardPort;
        }

        public String module() {
            return module;
        }

        public int standardPort() {
            return standardPort;
        }
    }

    /** The gateway source the stack's registry notifies: {@code POST /webhooks/local}. */
    public static final String REGISTRY_SOURCE = "local";
    /** The registry's port in the local stack, fixed so that documented image references work. */
    public static final int LOCAL_REGISTRY_PORT = 5000;

    private static final Duration SERVICE_START = Duration.ofMinutes(2);
    private static final String REGISTRY_TOKEN_FILE = "registry-notifications-token";
    /**
     * Settings a user may give the local stack in its own environment instead, in groups that go together: the
     * import interval cannot be set below its floor, so a user's interval replaces the stack's floor too.
     */
    private static final List<Set<String>> TUNABLE = List.of(
            Set.of("TAGLINE_IMPORTS_ALLOWED_REGISTRIES"),
            Set.of("TAGLINE_TRIGGERS_ALLOWED_WEBHOOK_HOSTS"),
            Set.of("TAGLINE_IMPORTS_INTERVAL", "TAGLINE_IMPORTS_MIN_INTERVAL", "TAGLINE_IMPORTS_POLL_INTERVAL"));

    /** What to start and how; {@link #local} and {@link #forTests} give the two usual sets. */
    public static final class Options {

        private final Path root;
        private final Path stateDirectory;
        private boolean fixedPorts;
        private boolean registryOptional;
        private boolean skipUnpackaged;
        private boolean userEnvironmentWins;
        private boolean oneAtATime;
        private Set<Service> services = Set.of(Service.values());
        private final Map<Service, Map<String, String>> extraEnvironment = new EnumMap<>(Service.class);
        private Duration importInterval = Duration.ofSeconds(1);

        private Options(Path root, Path stateDirectory) {
            this.root = root.toAbsolutePath().normalize();
            this.stateDirectory = stateDirectory.toAbsolutePath().normalize();
        }

        /**
         * The local stack: standard ports (8081 to 8084, registry on 5000), state under
         * {@code <root>/target/local-stack}, a registry if one can run, unpackaged services skipped, scheduled imports
         * every 30 s, and the user's environment taking precedence over the allowlists and import intervals.
         */
        public static Options local(Path root) {
            Options options = new Options(root, root.resolve("target/local-stack"));
            options.fixedPorts = true;
            options.registryOptional = true;
            options.skipUnpackaged = true;
            options.userEnvironmentWins = true;
            options.importInterval = Duration.ofSeconds(30);
            return options;
        }

        /**
         * For tests: free ports, state (logs, tokens, registry storage) in {@code stateDirectory}, a registry required,
         * scheduled imports every second.
         */
        public static Options forTests(Path root, Path stateDirectory) {
            return new Options(root, stateDirectory);
        }

        public Path stateDirectory() {
            return stateDirectory;
        }

        /** Runs only these services (benchmarks measure one alone). */
        public Options only(Service... chosen) {
            services = Set.of(chosen);
            return this;
        }

        /** Starts each service once the one before is ready, so that start-up times are each service's own. */
        public Options oneAtATime() {
            oneAtATime = true;
            return this;
        }

        /** Adds to, or overrides, what the stack gives {@code service} in its environment. */
        public Options environment(Service service, Map<String, String> environment) {
            extraEnvironment.computeIfAbsent(service, s -> new HashMap<>()).putAll(environment);
            return this;
        }

        /** How often scheduled imports check each source (the stack also sets it as the floor and the poll). */
        public Options importInterval(Duration interval) {
            importInterval = interval;
            return this;
        }
    }

    private final Options options;
    // Written while starting and read by a shutdown hook that may stop the stack half-started.
    private final Map<Service, ServiceProcess> services = new ConcurrentHashMap<>();
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    /** What each service was started with, so that a restart after a crash starts it the same way. */
    private final Map<Service, Map<String, String>> environments = new EnumMap<>(Service.class);

    private final List<String> notes = new ArrayList<>();
    private final Path tokenFile;
    private volatile DistributionRegistry registry;
    private volatile boolean closed;

    private TaglineStack(Options options) {
        this.options = options;
        this.tokenFile = LocalTokens.ensure(options.stateDirectory.resolve("tokens"));
    }

    /** Creates every topic of {@link #TOPICS} that does not exist yet. */
    private static void createTopics(KafkaCluster kafka) {
        TOPICS.forEach(topic -> kafka.createTopic(topic.name(), topic.partitions()));
    }

    /**
     * Creates the topics, starts the registry (if the options want one) and the packaged services against the given
     * Kafka and Postgres, and waits until every service is ready. Closing the stack stops what it started, not the
     * Kafka cluster or Postgres server.
     */
    public static TaglineStack start(Options options, KafkaCluster kafka, PostgresServer postgres) {
        TaglineStack stack = prepare(options);
        stack.run(kafka, postgres);
        return stack;
    }

    /** A stack not started yet, for a caller that must be able to {@link #close()} it while {@link #run} starts it. */
    public static TaglineStack prepare(Options options) {
        return new TaglineStack(options);
    }

    /** What {@link #start} does after {@link #prepare}; a failure stops whatever had started. */
    public void run(KafkaCluster kafka, PostgresServer postgres) {
        try {
            createTopics(kafka);
            choosePorts();
            startRegistry();
            startServices(ServiceProcess.infrastructureEnvironment(kafka, postgres));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The running service, if it was packaged (the local stack skips unpackaged ones). */
    public Optional<ServiceProcess> service(Service service) {
        return Optional.ofNullable(services.get(service));
    }

    /** {@code http://127.0.0.1:<port>} of a service. */
    public String url(Service service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    public Path logFile(Service service) {
        return options.stateDirectory.resolve(service.module() + ".log");
    }

    /** The registry whose notifications reach the gateway, if one runs. */
    public Optional<DistributionRegistry> registry() {
        return Optional.ofNullable(registry);
    }

    /** Why something was left out (a registry that could not run, a service not packaged), to tell the user. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** The token file the services read ({@code tagline.access.token-file}). */
    public Path tokenFile() {
        return tokenFile;
    }

    /** A cluster-admin API token from {@link #tokenFile()}. */
    public String adminToken() {
        return LocalTokens.adminToken(tokenFile);
    }

    /** Stops the services, then the registry; a stack being started stops starting. */
    @Override
    public synchronized void close() {
        closed = true;
        List<Service> stopOrder = new ArrayList<>(List.of(Service.values()));
        Collections.reverse(stopOrder);
        stopOrder.stream().map(services::remove).filter(Objects::nonNull).forEach(ServiceProcess::close);
        if (registry != null) {
            registry.close();
            registry = null;
        }
    }

    private void choosePorts() {
        for (Service service : Service.values()) {
            ports.put(service, options.fixedPorts ? service.standardPort() : FreePorts.freePort());
        }
    }

    private void startRegistry() {
        int port = options.fixedPorts ? LOCAL_REGISTRY_PORT : FreePorts.freePort();
        String unavailable = !DistributionRegistry.installed()
                ? "docker-registry is not on the PATH (apt-get install docker-registry)"
                : !portIsFree(port) ? "port " + port + " is taken" : null;
        if (unavailable != null) {
            if (!options.registryOptional) {
                throw new IllegalStateException("Cannot run the registry: " + unavailable);
            }
            notes.add("No local registry: " + unavailable + "; everything else runs without it.");
            return;
        }
        String gatewayWebhook = url(Service.WEBHOOK_GATEWAY) + "/webhooks/" + REGISTRY_SOURCE;
        // Under the lock close() takes, so that a Ctrl-C while starting cannot leave the registry process behind.
        synchronized (this) {
            ensureOpen();
            registry = DistributionRegistry.startKeeping(
                    port,
                    options.stateDirectory.resolve("registry"),
                    options.stateDirectory.resolve("registry.log"),
                    DistributionRegistry.Notifications.to(
                            gatewayWebhook, Map.of("Authorization", "Bearer " + registryNotificationToken())));
        }
    }

    private void startServices(Map<String, String> infrastructure) {
        for (Service service : Service.values()) {
            if (!options.services.contains(service)) {
                continue;
            }
            Path moduleDir = options.root.resolve(service.module());
            if (options.skipUnpackaged && !Files.isRegularFile(ServiceProcess.jarOf(moduleDir))) {
                notes.add(service.module() + " is not packaged, so it does not run (./mvnw -pl " + service.module()
                        + " -am package -DskipTests)");
                continue;
            }
            Map<String, String> environment = new HashMap<>(infrastructure);
            environment.putAll(environmentOf(service));
            environment.putAll(options.extraEnvironment.getOrDefault(service, Map.of()));
            environments.put(service, environment);
            launch(service);
            if (options.oneAtATime) {
                services.get(service).awaitReady(SERVICE_START);
            }
        }
        // Unless one at a time was asked for, started together and awaited together: the JVMs boot in parallel.
        for (Service service : Service.values()) {
            ensureOpen();
            service(service).ifPresent(process -> process.awaitReady(SERVICE_START));
        }
    }

    /** Crashes a running service as a machine failure would: SIGKILL, no shutdown hooks. */
    public void kill(Service service) {
        ServiceProcess process;
        synchronized (this) {
            process = services.remove(service);
        }
        if (process == null) {
            throw new IllegalStateException(service.module() + " is not running");
        }
        process.kill();
    }

    /**
     * Starts a service that {@link #kill} stopped, on its port with its settings.
     *
     * @return from launch to ready
     */
    public Duration restart(Service service) {
        if (!environments.containsKey(service)) {
            throw new IllegalStateException(service.module() + " never ran in this stack");
        }
        launch(service);
        ServiceProcess process = services.get(service);
        process.awaitReady(SERVICE_START);
        return process.readyAfter().orElseThrow();
    }

    private void launch(Service service) {
        synchronized (this) {
            ensureOpen();
            services.put(
                    service,
                    ServiceProcess.start(
                            options.root.resolve(service.module()),
                            ports.get(service),
                            environments.get(service),
                            logFile(service)));
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The stack was stopped while starting");
        }
    }

    /** What a service needs, besides Kafka and Postgres, to work with the others and the registry. */
    private Map<String, String> environmentOf(Service service) {
        Map<String, String> wiring = new HashMap<>();
        String interval = options.importInterval.toMillis() + "ms";
        switch (service) {
            case WEBHOOK_GATEWAY -> {
                if (registry != null) {
                    String prefix = "TAGLINE_GATEWAY_SOURCES_" + REGISTRY_SOURCE.toUpperCase(Locale.ROOT) + "_";
                    wiring.put(prefix + "FORMAT", "distribution");
                    wiring.put(prefix + "TOKEN", registryNotificationToken());
                    // One name for the registry, whatever host a pusher used (localhost:5000 or 127.0.0.1:5000), so
                    // that pushes move the streams that follow 127.0.0.1:<port>/…, as imports of them do.
                    wiring.put(prefix + "REGISTRY", registry.host());
                    wiring.put(prefix + "REGISTRY_URL", registry.baseUrl());
                }
            }
            // Public registries as by default, and any registry on this machine.
            case IMPORT_SERVICE -> {
                wiring.put("TAGLINE_IMPORTS_ALLOWED_REGISTRIES", "public,127.0.0.1");
                wiring.put("TAGLINE_IMPORTS_INTERVAL", interval);
                wiring.put("TAGLINE_IMPORTS_MIN_INTERVAL", interval);
                wiring.put("TAGLINE_IMPORTS_POLL_INTERVAL", interval);
                // The stack's registry speaks plain HTTP, and a signature check names no tag marking it insecure.
                if (registry != null) {
                    wiring.put("TAGLINE_IMPORTS_SIGNATURES_INSECURE_REGISTRIES", registry.host());
                }
            }
            // Public receivers as by default, and receivers on this machine.
            case TRIGGER_SERVICE -> wiring.put("TAGLINE_TRIGGERS_ALLOWED_WEBHOOK_HOSTS", "public,127.0.0.1");
            case TAG_SERVICE -> {}
        }
        if (options.userEnvironmentWins) {
            TUNABLE.stream()
                    .filter(group -> group.stream().anyMatch(name -> System.getenv(name) != null))
                    .forEach(group -> wiring.keySet().removeAll(group));
        }
        wiring.put("TAGLINE_ACCESS_TOKEN_FILE", tokenFile.toString());
        return wiring;
    }

    /**
     * The token the registry presents to the gateway's source {@link #REGISTRY_SOURCE}: random, made on the first
     * run and kept with the stack's state.
     */
    public String registryNotificationToken() {
        return LocalTokens.secretIn(options.stateDirectory.resolve(REGISTRY_TOKEN_FILE));
    }

    static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
