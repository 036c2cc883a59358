package dev.tagline.imports.registry;

import dev.tagline.imports.config.ImportsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP exchange with a registry or token server, without blocking: connects to the admitted address only,
 * verifies TLS certificates against the host name, follows no redirects, bounds the time of the whole exchange
 * and the size of the body. Every failure to get an answer becomes {@link ImportFailedException} unreachable.
 */
@ApplicationScoped
public class RegistryHttp {

    static final String USER_AGENT = "tagline-import-service";

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxBodyBytes;

    public RegistryHttp(Vertx vertx, ImportsConfig config) {
        this.connectTimeout = config.http().connectTimeout();
        this.requestTimeout = config.http().requestTimeout();
        this.maxBodyBytes = config.http().maxManifestBytes();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setIdleTimeout((int) requestTimeout.toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setVerifyHost(true)
                .setTrustAll(false)
                .setForceSni(true)
                .setDecompressionSupported(false));
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }

    public Uni<RegistryAnswer> send(HttpMethod method, Endpoint endpoint, String uri, Map<String, String> headers) {
        return send(method, endpoint, uri, headers, maxBodyBytes);
    }

    /** @param maxBodyBytes a longer body fails the exchange as invalid, read no further */
    public Uni<RegistryAnswer> send(
            HttpMethod method, Endpoint endpoint, String uri, Map<String, String> headers, int maxBodyBytes) {
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setHost(endpoint.host())
                .setPort(endpoint.port())
                .setSsl(endpoint.tls())
                .setURI(uri)
                .setServer(SocketAddress.inetSocketAddress(
                        endpoint.port(), endpoint.address().getHostAddress()))
                .setFollowRedirects(false)
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(requestTimeout.toMillis())
                .putHeader("User-Agent", USER_AGENT);
        headers.forEach(options::putHeader);
        String what = method.name() + " " + endpoint.origin() + pathOf(uri);
        return client.request(options)
                .chain(request -> request.send())
                .chain(response -> read(response, what, maxBodyBytes))
                .ifNoItem()
                .after(requestTimeout)
                .failWith(() -> ImportFailedException.timedOut(what + " took longer than " + requestTimeout))
                .onFailure(failure -> !(failure instanceof ImportFailedException))
                .transform(failure -> describe(what, failure));
    }

    private static Uni<RegistryAnswer> read(HttpClientResponse response, String what, int maxBodyBytes) {
        return response.toMulti()
                .collect()
                .in(Buffer::buffer, (body, chunk) -> {
                    if (body.length() + chunk.length() > maxBodyBytes) {
                        throw ImportFailedException.invalid(what + " answered more than " + maxBodyBytes + " bytes");
                    }
                    body.appendBuffer(chunk);
                })
                .onFailure()
                .invoke(() -> response.request().reset())
                .map(body -> new RegistryAnswer(response.statusCode(), response.headers(), body));
    }

    private static ImportFailedException describe(String what, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().contains("Timeout")) {
                return ImportFailedException.timedOut(what + " timed out");
            }
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return ImportFailedException.unreachable(what + " failed: " + detail);
    }

    /** Query strings may carry scopes and tokens' parameters; messages show the path only. */
    private static String pathOf(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
