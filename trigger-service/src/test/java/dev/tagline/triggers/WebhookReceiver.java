package dev.tagline.triggers;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A subscriber's webhook endpoint on 127.0.0.1: answers as the test scripts it (a status, or no answer at
 * all), records every request, and verifies signatures the way the README tells subscribers to, with its own
 * code rather than the service's.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received; header names in lower case. */
    record Received(Map<String, String> headers, String body) {

        String webhookId() {
            return headers.get("webhook-id");
        }
    }

    private static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> scripted = new ArrayDeque<>();
    private final AtomicInteger unanswered = new AtomicInteger();
    private volatile CountDownLatch silence;

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // One thread per request: an unanswered request must not hold up the next.
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the webhook receiver", e);
        }
    }

    /** With a path and query, as subscribers' URLs have. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/tagline?team=a";
    }

    /** The next requests get these statuses, in order; later ones get 200. */
    synchronized void answerNext(int... statuses) {
        for (int status : statuses) {
            scripted.add(status);
        }
    }

    /** From now on no request is answered, until {@link #answerAgain}. */
    void stopAnswering() {
        silence = new CountDownLatch(1);
    }

    /** Answers 200 from now on; requests left unanswered get their answer too (long after the sender gave up). */
    void answerAgain() {
        CountDownLatch current = silence;
        silence = null;
        if (current != null) {
            current.countDown();
        }
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests that arrived and have had no answer yet. */
    int unanswered() {
        return unanswered.get();
    }

    /** Whether the request carries a valid Standard Webhooks signature for the secret, made in the last minutes. */
    static boolean signedWith(String secret, Received request) {
        try {
            String id = request.headers().get("webhook-id");
            String timestamp = request.headers().get("webhook-timestamp");
            String signatures = request.headers().get("webhook-signature");
            if (id == null || timestamp == null || signatures == null) {
                return false;
            }
            Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
            if (Duration.between(sent, Instant.now()).abs().compareTo(TIMESTAMP_TOLERANCE) > 0) {
                return false;
            }
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected =
                    mac.doFinal((id + "." + timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8));
            for (String signature : signatures.split(" ")) {
                String[] versioned = signature.split(",", 2);
                if (versioned.length == 2
                        && versioned[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(versioned[1]))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                .collect(Collectors.toMap(
                        header -> header.getKey().toLowerCase(Locale.ROOT),
                        header -> header.getValue().get(0),
                        (first, second) -> first));
        received.add(new Received(headers, body));
        CountDownLatch current = silence;
        if (current != null) {
            unanswered.incrementAndGet();
            try {
                current.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                unanswered.decrementAndGet();
            }
        }
        int status = nextStatus();
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private synchronized int nextStatus() {
        Integer next = scripted.poll();
        return next == null ? 200 : next;
    }

    @Override
    public void close() {
        answerAgain();
        server.stop(0);
        executor.shutdownNow();
    }
}
