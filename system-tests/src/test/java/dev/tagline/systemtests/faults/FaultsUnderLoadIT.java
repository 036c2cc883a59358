package dev.tagline.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.events.EventJson;
import dev.tagline.testkit.Directories;
import dev.tagline.testkit.DistributionRegistry;
import dev.tagline.testkit.JdbcQueries;
import dev.tagline.testkit.KafkaBrokerProcess;
import dev.tagline.testkit.OciImages;
import dev.tagline.testkit.RestartablePostgres;
import dev.tagline.testkit.Skopeo;
import dev.tagline.testkit.StandardWebhooks;
import dev.tagline.testkit.TaglineStack;
import dev.tagline.testkit.TaglineStack.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole system under load while its parts crash: the four packaged services on a Kafka broker in its own process,
 * an embedded Postgres and the Distribution registry. Push notifications arrive at the gateway at a steady rate and
 * are retried as Distribution retries them; a scheduled import follows a second registry; every stream tag is
 * followed by a deploy trigger whose webhook goes to a subscriber that fails a fifth of the attempts and holds some
 * past the timeout. Meanwhile each service is killed (SIGKILL) and started again, the broker is killed and started on
 * its data, and Postgres stops as a crash would and starts again. Afterwards, nothing is lost or doubled.
 *
 * <p>The short run (15 moves/s while the faults take their turns, a few thousand moves) runs in every build;
 * {@code -Dfaults.full=true} runs 50/s for at least 200 s, about 10,000 moves.
 */
class FaultsUnderLoadIT {

    private static final boolean FULL = Boolean.getBoolean("faults.full");
    private static final int RATE = FULL ? 50 : 15;
    /** The least time under load; the load goes on until the last fault is over. */
    private static final Duration LOAD = Duration.ofSeconds(FULL ? 200 : 40);

    private static final int STREAMS = 20;
    private static final int TAGS = 5;
    private static final int SUBSCRIBERS = 4;
    private static final String NAMESPACE = "faults";
    private static final String IMPORTED = "imported";
    /** Longer than the trigger-service waits for an answer (its request timeout here). */
    private static final Duration HANG = Duration.ofSeconds(3);

    private static final Duration OUTAGE = Duration.ofSeconds(2);
    private static final Duration SETTLE_LIMIT = Duration.ofMinutes(FULL ? 10 : 5);
    private static final List<String> DEAD_LETTER_TOPICS =
            List.of("registry-tag-events-dlq", "imagestream-tag-events-dlq", "import-requests-dlq");

    private static Path state;
    private static RestartablePostgres postgres;
    private static KafkaBrokerProcess kafka;
    private static TaglineStack stack;
    private static DistributionRegistry quietRegistry;
    private static final List<UnreliableSubscriber> SUBSCRIBER_LIST = new ArrayList<>();
    private static final String SECRET = StandardWebhooks.newSecret();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> IMPORTED_DIGESTS = new ArrayList<>();
    private static final Map<String, String> RECOVERY = new LinkedHashMap<>();

    @BeforeAll
    static void startEverything() throws IOException {
        Path root = Path.of(System.getProperty("tagline.root", ".."))
                .toAbsolutePath()
                .normalize();
        state = Path.of(System.getProperty("tagline.state.dir", "target/stack"))
                .toAbsolutePath()
                .resolve("faults");
        Directories.deleteRecursively(state);
        Files.createDirectories(state);
        postgres = RestartablePostgres.start(state.resolve("postgres"));
        kafka = KafkaBrokerProcess.start(state.resolve("kafka.log"));
        TaglineStack.Options options =
                TaglineStack.Options.forTests(root, state.resolve("stack")).importInterval(Duration.ofSeconds(1));
        // Kafka's default of 45 s would keep a killed consumer's partitions from its restarted self that long.
        for (Service service : Service.values()) {
            options.environment(
                    service, Map.of("KAFKA_SESSION_TIMEOUT_MS", "10000", "KAFKA_HEARTBEAT_INTERVAL_MS", "3000"));
        }
        // A check in flight when the import-service is killed holds its source until its claim lapses (5 min).
        options.environment(Service.IMPORT_SERVICE, Map.of("TAGLINE_IMPORTS_CLAIM_LEASE", "20s"));
        stack = TaglineStack.start(
                options.environment(
                        Service.TRIGGER_SERVICE,
                        Map.of(
                                "TAGLINE_TRIGGERS_DELIVERY_CONNECT_TIMEOUT", "1s",
                                "TAGLINE_TRIGGERS_DELIVERY_REQUEST_TIMEOUT", "1s",
                                "TAGLINE_TRIGGERS_DELIVERY_LEASE", "5s",
                                "TAGLINE_TRIGGERS_DELIVERY_INITIAL_BACKOFF", "200ms",
                                "TAGLINE_TRIGGERS_DELIVERY_MAX_BACKOFF", "2s",
                                "TAGLINE_TRIGGERS_DELIVERY_MAX_ATTEMPTS", "1000",
                                "TAGLINE_TRIGGERS_DELIVERY_POLL_INTERVAL", "200ms")),
                kafka,
                postgres);
        quietRegistry = DistributionRegistry.start();
        for (int s = 0; s < SUBSCRIBERS; s++) {
            SUBSCRIBER_LIST.add(UnreliableSubscriber.start(SECRET, HANG));
        }
    }

    @AfterAll
    static void stopEverything() {
        SUBSCRIBER_LIST.forEach(UnreliableSubscriber::close);
        for (AutoCloseable closeable : new AutoCloseable[] {stack, quietRegistry, kafka, postgres}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                System.err.println("Could not stop " + closeable + ": " + e);
            }
        }
    }

    @Test
    void every_accepted_move_is_recorded_once_and_fires_and_delivers_through_crashes() throws Exception {
        createStreamsAndTriggers();
        String registryHost = stack.registry().orElseThrow().host();
        long started = System.nanoTime();
        try (NotificationSender notifications = new NotificationSender(
                stack.url(Service.WEBHOOK_GATEWAY) + "/webhooks/" + TaglineStack.REGISTRY_SOURCE,
                stack.registryNotificationToken(),
                registryHost)) {
            ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger next = new AtomicInteger();
            load.scheduleAtFixedRate(
                    () -> {
                        int move = next.getAndIncrement();
                        int tag = move % (STREAMS * TAGS);
                        notifications.push(
                                NAMESPACE + "/" + stream(tag / TAGS),
                                "t" + (tag % TAGS),
                                "sha256:" + sha256("faults/" + move + "/" + started));
                    },
                    0,
                    1_000_000 / RATE,
                    TimeUnit.MICROSECONDS);
            runFaults(notifications);
            Thread.sleep(Math.max(0, LOAD.toMillis() - (System.nanoTime() - started) / 1_000_000));
            load.shutdown();
            load.awaitTermination(10, TimeUnit.SECONDS);
            await("every notification accepted", notifications::drained, SETTLE_LIMIT);
            List<NotificationSender.Accepted> accepted = notifications.accepted();
            JdbcQueries database = new JdbcQueries(postgres.jdbcUrl(), postgres.username(), postgres.password());
            // Waits for the counts only; the assertions below say what is missing, if anything is.
            waitUntil(
                    () -> historyItems(database).size() >= accepted.size() + IMPORTED_DIGESTS.size()
                            && undelivered(database) == 0
                            && deliveries(database) >= accepted.size() + IMPORTED_DIGESTS.size(),
                    SETTLE_LIMIT);

            assertHistories(database, accepted);
            Map<String, Integer> duplicates = assertActions(accepted);
            assertDeliveries(accepted);
            for (String topic : DEAD_LETTER_TOPICS) {
                assertThat(TopicRecords.count(kafka.bootstrapServers(), topic))
                        .as("records in " + topic)
                        .isZero();
            }
            for (Service service : Service.values()) {
                stack.service(service).orElseThrow().awaitReady(Duration.ofSeconds(30));
            }
            report(accepted.size(), notifications.refusals(), duplicates, (System.nanoTime() - started) / 1e9);
        }
    }

    /** The faults in turn, spread over the load: every service, then the broker, then Postgres. */
    private static void runFaults(NotificationSender notifications) throws Exception {
        Duration gap = LOAD.dividedBy(8);
        pushImported();
        for (Service service : List.of(
                Service.WEBHOOK_GATEWAY, Service.TAG_SERVICE, Service.IMPORT_SERVICE, Service.TRIGGER_SERVICE)) {
            Thread.sleep(gap.toMillis());
            stack.kill(service);
            Duration ready = stack.restart(service);
            RECOVERY.put("SIGKILL " + service.module(), "ready again " + millis(ready) + " ms after launch");
            pushImported();
        }
        Thread.sleep(gap.toMillis());
        kafka.kill();
        Thread.sleep(OUTAGE.toMillis());
        long restarted = System.nanoTime();
        kafka.restart();
        RECOVERY.put(
                "SIGKILL Kafka, restart after " + OUTAGE.toSeconds() + " s",
                "serving " + millis(restarted) + " ms after launch; " + backlogCleared(notifications));
        pushImported();
        Thread.sleep(gap.toMillis());
        postgres.stopImmediately();
        Thread.sleep(OUTAGE.toMillis());
        restarted = System.nanoTime();
        postgres.restart();
        RECOVERY.put(
                "Postgres immediate stop, start after " + OUTAGE.toSeconds() + " s",
                "accepting connections " + millis(restarted) + " ms after start; " + backlogCleared(notifications));
        pushImported();
    }

    private static String backlogCleared(NotificationSender notifications) {
        long since = System.nanoTime();
        boolean cleared = waitUntil(notifications::drained, Duration.ofMinutes(2));
        return cleared
                ? "webhook backlog cleared " + millis(since) + " ms later"
                : "webhook backlog not cleared in 2 min";
    }

    private static void createStreamsAndTriggers() {
        String registryHost = stack.registry().orElseThrow().host();
        for (int s = 0; s < STREAMS; s++) {
            String stream = stream(s);
            String tags = IntStream.range(0, TAGS)
                    .mapToObj(t -> """
                    {"name":"t%d","from":{"kind":"DockerImage","name":"%s/%s/%s:t%d"}}""".formatted(t, registryHost, NAMESPACE, stream, t))
                    .collect(Collectors.joining(","));
            post(Service.TAG_SERVICE, "/imagestreams", "{\"name\":\"%s\",\"tags\":[%s]}".formatted(stream, tags));
            for (int t = 0; t < TAGS; t++) {
                createTrigger(trigger(s, t), stream(s) + ":t" + t, SUBSCRIBER_LIST.get(s % SUBSCRIBERS));
            }
        }
        post(Service.TAG_SERVICE, "/imagestreams", """
                {"name":"%s","tags":[{"name":"prod","from":{"kind":"DockerImage","name":"%s/%s/%s:prod"},
                 "importPolicy":{"scheduled":true,"insecure":true}}]}""".formatted(IMPORTED, quietRegistry.host(), NAMESPACE, IMPORTED));
        createTrigger(IMPORTED, IMPORTED + ":prod", SUBSCRIBER_LIST.get(0));
    }

    private static void createTrigger(String name, String streamTag, UnreliableSubscriber subscriber) {
        post(Service.TRIGGER_SERVICE, "/triggers", """
                {"name":"%s","kind":"deploy","from":{"kind":"ImageStreamTag","namespace":"%s","name":"%s"},
                 "params":{"deployment":"%s"},"webhook":{"url":"%s","secret":"%s"}}""".formatted(
                        name, NAMESPACE, streamTag, name, subscriber.url(), SECRET));
    }

    /** A new image on the registry without notifications, which only the scheduled import finds. */
    private static void pushImported() {
        OciImages.LayoutImage image = OciImages.image(
                state.resolve("images/" + IMPORTED_DIGESTS.size()),
                OciImages.Platform.LINUX_AMD64,
                "faults-imported-" + IMPORTED_DIGESTS.size() + "-" + System.nanoTime());
        Skopeo.push(image, quietRegistry.host() + "/" + NAMESPACE + "/" + IMPORTED + ":prod");
        IMPORTED_DIGESTS.add(image.digest());
        // The next push waits for this one's import, so that each image is a move of its own.
        await(
                "the scheduled import of " + image.digest(),
                () -> historyItems(new JdbcQueries(postgres.jdbcUrl(), postgres.username(), postgres.password()))
                        .contains(IMPORTED + ":prod@" + image.digest()),
                Duration.ofMinutes(2));
    }

    /** Every accepted move is in its tag's history exactly once, and no history item is doubled. */
    private static void assertHistories(JdbcQueries database, List<NotificationSender.Accepted> accepted) {
        Map<String, Long> items =
                historyItems(database).stream().collect(Collectors.groupingBy(item -> item, Collectors.counting()));
        assertThat(items.entrySet().stream()
                        .filter(item -> item.getValue() > 1)
                        .map(Map.Entry::getKey)
                        .toList())
                .as("history items recorded twice")
                .isEmpty();
        List<String> missing = accepted.stream()
                .map(FaultsUnderLoadIT::historyItem)
                .filter(item -> !items.containsKey(item))
                .toList();
        assertThat(missing).as("accepted moves missing from their histories").isEmpty();
        assertThat(IMPORTED_DIGESTS.stream().map(digest -> IMPORTED + ":prod@" + digest))
                .as("scheduled imports in their history")
                .allMatch(items::containsKey);
    }

    /**
     * Every move produced its trigger's action on {@code trigger-actions}. A second copy of an action (a relay that
     * crashed after sending, before marking) must carry the first's idempotency key and {@code ce_id}.
     *
     * @return the duplicates, by trigger
     */
    private static Map<String, Integer> assertActions(List<NotificationSender.Accepted> accepted) {
        Map<String, List<TopicRecords.Read>> actions = new HashMap<>();
        for (TopicRecords.Read record : TopicRecords.all(kafka.bootstrapServers(), "trigger-actions")) {
            JsonNode data = json(record.value());
            if (NAMESPACE.equals(data.at("/trigger/namespace").asText())) {
                actions.computeIfAbsent(
                                data.at("/trigger/name").asText() + "@"
                                        + data.at("/image/digest").asText(),
                                ignored -> new ArrayList<>())
                        .add(record);
            }
        }
        List<String> expected = new ArrayList<>(
                accepted.stream().map(FaultsUnderLoadIT::actionKey).toList());
        IMPORTED_DIGESTS.forEach(digest -> expected.add(IMPORTED + "@" + digest));
        assertThat(expected.stream().filter(key -> !actions.containsKey(key)).toList())
                .as("moves without their trigger's action")
                .isEmpty();
        Map<String, Integer> duplicates = new HashMap<>();
        actions.forEach((key, copies) -> {
            assertThat(copies.stream().map(TopicRecords.Read::ceId).distinct())
                    .as("ce_id of every copy of " + key)
                    .hasSize(1);
            assertThat(copies.stream()
                            .map(copy ->
                                    json(copy.value()).path("idempotencyKey").asText())
                            .distinct())
                    .as("idempotency key of every copy of " + key)
                    .hasSize(1);
            if (copies.size() > 1) {
                duplicates.merge(key.substring(0, key.indexOf('@')), copies.size() - 1, Integer::sum);
            }
        });
        return duplicates;
    }

    /** Every action's webhook ended delivered, every attempt of it with the same {@code webhook-id}. */
    private static void assertDeliveries(List<NotificationSender.Accepted> accepted) {
        List<String> notDelivered = new ArrayList<>();
        List<String> unstable = new ArrayList<>();
        for (NotificationSender.Accepted move : accepted) {
            int index = indexOf(move);
            String trigger = trigger(index / TAGS, index % TAGS);
            UnreliableSubscriber.Arrivals arrivals =
                    SUBSCRIBER_LIST.get((index / TAGS) % SUBSCRIBERS).arrivals(trigger, move.digest());
            if (!arrivals.delivered()) {
                notDelivered.add(trigger + "@" + move.digest());
            }
            if (arrivals.webhookIds().size() > 1) {
                unstable.add(trigger + "@" + move.digest() + " " + arrivals.webhookIds());
            }
        }
        assertThat(notDelivered)
                .as("actions never delivered to their subscriber")
                .isEmpty();
        assertThat(unstable)
                .as("deliveries whose webhook-id changed between attempts")
                .isEmpty();
        assertThat(SUBSCRIBER_LIST.stream()
                        .mapToLong(UnreliableSubscriber::badSignatures)
                        .sum())
                .as("attempts with a bad signature")
                .isZero();
    }

    private static void report(int accepted, long refusals, Map<String, Integer> duplicates, double seconds) {
        long attempts = SUBSCRIBER_LIST.stream()
                .mapToLong(UnreliableSubscriber::attempts)
                .sum();
        System.out.printf(
                "%nFaults under load (%s run): %,d moves accepted by the gateway at %d/s (%,d refusals"
                        + " retried), %d scheduled imports, %,d delivery attempts for %,d deliveries, %d duplicate"
                        + " actions %s, %.0f s in all%n",
                FULL ? "full" : "short",
                accepted,
                RATE,
                refusals,
                IMPORTED_DIGESTS.size(),
                attempts,
                accepted + IMPORTED_DIGESTS.size(),
                duplicates.values().stream().mapToInt(Integer::intValue).sum(),
                duplicates,
                seconds);
        RECOVERY.forEach((fault, recovery) -> System.out.printf("  %-45s %s%n", fault, recovery));
    }

    private static List<String> historyItems(JdbcQueries database) {
        return database.strings(
                "select s.name || ':' || h.tag || '@' || h.digest from tags.tag_history h"
                        + " join tags.image_streams s on s.id = h.stream_id where s.namespace = ?",
                NAMESPACE);
    }

    private static long undelivered(JdbcQueries database) {
        return database.count(
                "select count(*) from triggers.deliveries d join triggers.triggers t"
                        + " on t.id = d.trigger_id where t.namespace = ? and d.status <> 'succeeded'",
                NAMESPACE);
    }

    private static long deliveries(JdbcQueries database) {
        return database.count(
                "select count(*) from triggers.deliveries d join triggers.triggers t"
                        + " on t.id = d.trigger_id where t.namespace = ?",
                NAMESPACE);
    }

    private static String historyItem(NotificationSender.Accepted move) {
        return move.repository().substring(NAMESPACE.length() + 1) + ":" + move.tag() + "@" + move.digest();
    }

    private static String actionKey(NotificationSender.Accepted move) {
        int index = indexOf(move);
        return trigger(index / TAGS, index % TAGS) + "@" + move.digest();
    }

    /** The stream tag's number, from {@code faults/sNN} and {@code tK}. */
    private static int indexOf(NotificationSender.Accepted move) {
        int stream =
                Integer.parseInt(move.repository().substring(move.repository().lastIndexOf('s') + 1));
        return stream * TAGS + Integer.parseInt(move.tag().substring(1));
    }

    private static String stream(int index) {
        return "s%02d".formatted(index);
    }

    private static String trigger(int stream, int tag) {
        return "d-" + stream(stream) + "-t" + tag;
    }

    private static void post(Service service, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(stack.url(service) + "/api/v1/namespaces/" + NAMESPACE + path))
                .header("Authorization", "Bearer " + stack.adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as("POST %s answered %s", path, response.body())
                    .isEqualTo(201);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An action's data: Kafka binary mode, so the record's value. */
    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition, Duration limit) {
        assertThat(waitUntil(condition, limit)).as(what + " within " + limit).isTrue();
    }

    /** Whether the condition came true; an exception counts as not yet, as the database or broker may be away. */
    private static boolean waitUntil(BooleanSupplier condition, Duration limit) {
        try {
            Awaitility.await()
                    .atMost(limit)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException notInTime) {
            return false;
        }
    }

    private static long millis(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }

    private static long millis(Duration duration) {
        return duration.toMillis();
    }

    private static String sha256(String seed) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
