package dev.tagline.systemtests.faults;

import dev.tagline.testkit.DistributionPushes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends push notifications to the gateway as Distribution does: one endpoint's notifications in order from a queue,
 * the head retried with backoff until the gateway answers 2xx, whatever the gateway or Kafka is going through.
 * Keeps every notification the gateway accepted.
 */
final class NotificationSender implements AutoCloseable {

    /** A push the gateway answered 202: this digest was pushed to this registry tag. */
    record Accepted(String repository, String tag, String digest) {}

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(2);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final URI gateway;
    private final String token;
    private final String registryHost;
    private final BlockingQueue<Accepted> queue = new LinkedBlockingQueue<>();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final AtomicLong refusals = new AtomicLong();
    /** Pushed and not yet accepted. */
    private final AtomicLong pending = new AtomicLong();

    private final Thread sender;
    private volatile boolean stopping;

    NotificationSender(String gatewayWebhookUrl, String token, String registryHost) {
        this.gateway = URI.create(gatewayWebhookUrl);
        this.token = token;
        this.registryHost = registryHost;
        this.sender = new Thread(this::sendInOrder, "notification-sender");
        sender.setDaemon(true);
        sender.start();
    }

    void push(String repository, String tag, String digest) {
        pending.incrementAndGet();
        queue.add(new Accepted(repository, tag, digest));
    }

    List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    /** Answers other than 2xx, and calls that failed, each retried. */
    long refusals() {
        return refusals.get();
    }

    /** Whether every notification pushed so far was accepted. */
    boolean drained() {
        return pending.get() == 0;
    }

    private void sendInOrder() {
        while (!stopping) {
            Accepted next;
            try {
                next = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                continue;
            }
            Duration backoff = FIRST_BACKOFF;
            while (!stopping && !send(next)) {
                refusals.incrementAndGet();
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(LONGEST_BACKOFF) > 0
                        ? LONGEST_BACKOFF
                        : backoff.multipliedBy(2);
            }
        }
    }

    private boolean send(Accepted push) {
        String envelope = DistributionPushes.envelope(
                eventIdOf(push), "tagline-faults", registryHost, push.repository(), push.tag(), push.digest());
        HttpRequest request = HttpRequest.newBuilder(gateway)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", DistributionPushes.MEDIA_TYPE)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                accepted.add(push);
                pending.decrementAndGet();
                return true;
            }
            return false;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
            return false;
        }
    }

    /** The same on every retry of a push, as a registry keeps its event id. */
    private static String eventIdOf(Accepted push) {
        return UUID.nameUUIDFromBytes(push.digest().getBytes()).toString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopping = true;
        sender.interrupt();
    }
}
