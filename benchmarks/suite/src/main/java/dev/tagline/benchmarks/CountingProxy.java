package dev.tagline.benchmarks;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * A plain HTTP proxy in front of a registry that counts the requests it passes, by method and by manifest: how
 * many calls each scheduled check of a tag cost, and when the calls of a round began and ended.
 */
final class CountingProxy implements AutoCloseable {

    /** What passed since the last {@link #newRound()}. */
    record Round(Map<String, Long> byMethod, int manifestsAsked, long firstNanos, long lastNanos) {

        long requests() {
            return byMethod.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final HttpServer server;
    private final HttpClient registry;
    private volatile Counts counts = new Counts();

    private static final class Counts {
        final Map<String, AtomicLong> byMethod = new ConcurrentHashMap<>();
        final Map<String, Boolean> manifests = new ConcurrentHashMap<>();
        final LongAccumulator first = new LongAccumulator(Math::min, Long.MAX_VALUE);
        final LongAccumulator last = new LongAccumulator(Math::max, Long.MIN_VALUE);
    }

    private CountingProxy(Vertx vertx, String registryBaseUrl) {
        URI target = URI.create(registryBaseUrl);
        this.registry = vertx.createHttpClient(
                new HttpClientOptions()
                        .setDefaultHost(target.getHost())
                        .setDefaultPort(target.getPort())
                        .setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(32));
        this.server = vertx.createHttpServer(
                        new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(this::forward);
    }

    static CountingProxy start(Vertx vertx, String registryBaseUrl) {
        CountingProxy proxy = new CountingProxy(vertx, registryBaseUrl);
        try {
            proxy.server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return proxy;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the registry proxy", e);
        }
    }

    /** {@code 127.0.0.1:<port>}, the registry's name for image references that go through the proxy. */
    String host() {
        return "127.0.0.1:" + server.actualPort();
    }

    /** Ends the current round and returns what it counted; counting goes on in a new one. */
    Round newRound() {
        Counts ended = counts;
        counts = new Counts();
        return round(ended);
    }

    /** The current round so far. */
    Round current() {
        return round(counts);
    }

    private static Round round(Counts counts) {
        Map<String, Long> byMethod = new ConcurrentHashMap<>();
        counts.byMethod.forEach((method, count) -> byMethod.put(method, count.get()));
        return new Round(byMethod, counts.manifests.size(), counts.first.get(), counts.last.get());
    }

    private void forward(HttpServerRequest request) {
        Counts round = counts;
        long now = System.nanoTime();
        round.first.accumulate(now);
        round.last.accumulate(now);
        round.byMethod
                .computeIfAbsent(request.method().name(), method -> new AtomicLong())
                .incrementAndGet();
        if (request.path().contains("/manifests/")) {
            round.manifests.put(request.path(), Boolean.TRUE);
        }
        request.pause();
        registry.request(new RequestOptions()
                        .setMethod(request.method())
                        .setURI(request.uri())
                        .setHeaders(request.headers()))
                .compose(outgoing -> outgoing.send(request))
                .onSuccess(answer -> {
                    request.response()
                            .setStatusCode(answer.statusCode())
                            .headers()
                            .setAll(answer.headers());
                    answer.pipeTo(request.response());
                })
                .onFailure(failure -> request.response().setStatusCode(502).end());
    }

    @Override
    public void close() {
        server.close();
        registry.close();
    }
}
