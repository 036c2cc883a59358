package dev.tagline.benchmarks;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;

/**
 * POSTs webhooks to one URL over a pool of kept-alive HTTP/1.1 connections, as a registry's notifier does. A call
 * succeeds on a 2xx answer; anything else, or no answer within the timeout, fails it.
 */
public final class WebhookClient implements AutoCloseable {

    private static final int CONNECTIONS = 64;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final URI target;
    private final MultiMap headers;

    public WebhookClient(Vertx vertx, String url, MultiMap headers) {
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(CONNECTIONS).setMaxWaitQueueSize(-1));
        this.target = URI.create(url);
        this.headers = headers;
    }

    public Future<Boolean> post(Buffer body) {
        // Options of its own for each request: Vert.x writes into a request's headers while sending it.
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(target.getHost())
                .setPort(target.getPort())
                .setURI(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()))
                .setHeaders(MultiMap.caseInsensitiveMultiMap().addAll(headers))
                .setTimeout(TIMEOUT.toMillis());
        // The body is asked for in the callback that gets the response: a callback attached from this (non Vert.x)
        // thread may run after the response ended, and would then wait for its body for ever.
        return client.request(options)
                .compose(request -> request.send(body)
                        .compose(response -> response.body().map(ignored -> response.statusCode() / 100 == 2)));
    }

    @Override
    public void close() {
        client.close();
    }
}
