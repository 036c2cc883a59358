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
    private final RequestOptions target;

    public WebhookClient(Vertx vertx, String url, MultiMap headers) {
        URI uri = URI.create(url);
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(CONNECTIONS).setMaxWaitQueueSize(-1));
        this.target = new RequestOptions().setMethod(HttpMethod.POST).setHost(uri.getHost()).setPort(uri.getPort())
                .setURI(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                .setHeaders(headers).setTimeout(TIMEOUT.toMillis());
    }

    public Future<Boolean> post(Buffer body) {
        return client.request(target)
                .compose(request -> request.send(body))
                .compose(response -> response.body().map(ignored -> response.statusCode() / 100 == 2));
    }

    @Override
    public void close() {
        client.close();
    }
}
