package dev.tagline.triggers.webhook;

import dev.tagline.support.egress.OutboundTargetRefused;
import dev.tagline.triggers.config.TriggersConfig;
import dev.tagline.triggers.domain.AttemptOutcome;
import dev.tagline.triggers.domain.ClaimedDelivery;
import dev.tagline.triggers.domain.InvalidTriggerException;
import dev.tagline.triggers.domain.StructuredCloudEvent;
import dev.tagline.triggers.domain.WebhookSecret;
import dev.tagline.triggers.domain.WebhookUrl;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.net.SocketAddress;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

/**
 * Makes one delivery attempt: POSTs the action as a structured CloudEvent, signed per Standard Webhooks, to
 * an address of the webhook's host that the allowlist passed just now. Never follows redirects (they could
 * lead anywhere) and never reads the answer's body. Every failure becomes an {@link AttemptOutcome}, whose
 * text never holds the secret or the URL's path and query (which may carry tokens).
 */
@ApplicationScoped
public class WebhookSender {

    private static final String USER_AGENT = "tagline-trigger-service";

    private final WebClient client;
    private final WebhookTargets targets;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    public WebhookSender(Vertx vertx, WebhookTargets targets, TriggersConfig config) {
        this.targets = targets;
        this.connectTimeout = config.delivery().connectTimeout();
        this.requestTimeout = config.delivery().requestTimeout();
        this.client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setFollowRedirects(false)
                        .setUserAgent(USER_AGENT)
                        .setConnectTimeout((int) connectTimeout.toMillis())
                        .setMaxPoolSize(config.delivery().maxInFlightPerSubscriber())
                        .setForceSni(true)
                        .setVerifyHost(true));
    }

    public Uni<AttemptOutcome> send(ClaimedDelivery delivery) {
        if (delivery.url() == null) {
            return Uni.createFrom().item(AttemptOutcome.hopeless("the trigger has no webhook any more"));
        }
        WebhookUrl url;
        WebhookSecret secret;
        try {
            url = WebhookUrl.parse(delivery.url());
            secret = WebhookSecret.parse(delivery.secret());
        } catch (InvalidTriggerException e) {
            return Uni.createFrom().item(AttemptOutcome.hopeless(e.field() + ": " + e.getMessage()));
        }
        return targets.admit(url)
                .chain(address -> post(url, address, secret, delivery))
                // The idle timeout of the request only bounds silence; this bounds the whole attempt, name
                // resolution and a subscriber that trickles its answer included.
                .ifNoItem()
                .after(requestTimeout)
                .fail()
                .onFailure()
                .recoverWithItem(failure -> AttemptOutcome.failed(describe(url, failure)));
    }

    private Uni<AttemptOutcome> post(
            WebhookUrl url, InetAddress address, WebhookSecret secret, ClaimedDelivery delivery) {
        long timestamp = Instant.now().getEpochSecond();
        String signature = WebhookSignature.sign(secret.key(), delivery.webhookId(), timestamp, delivery.payload());
        return client.request(
                        HttpMethod.POST,
                        SocketAddress.inetSocketAddress(url.port(), address.getHostAddress()),
                        url.port(),
                        url.host(),
                        url.pathAndQuery())
                .ssl(url.https())
                .connectTimeout(connectTimeout.toMillis())
                .idleTimeout(requestTimeout.toMillis())
                .putHeader("content-type", StructuredCloudEvent.MEDIA_TYPE)
                .putHeader(WebhookSignature.ID, delivery.webhookId())
                .putHeader(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .putHeader(WebhookSignature.SIGNATURE, signature)
                .as(BodyCodec.none())
                .sendBuffer(Buffer.buffer(delivery.payload()))
                .map(response -> AttemptOutcome.answered(response.statusCode()));
    }

    private String describe(WebhookUrl url, Throwable failure) {
        if (failure instanceof OutboundTargetRefused refused) {
            return refused.getMessage();
        }
        // Vert.x reports its own timeouts with a class of its own, all named for what they are.
        if (failure instanceof TimeoutException
                || failure.getClass().getSimpleName().contains("Timeout")) {
            return "no answer from " + url.origin() + " within " + requestTimeout.toMillis() + " ms";
        }
        String message = failure.getMessage() == null ? "" : " " + failure.getMessage();
        if (url.pathAndQuery().length() > 1) {
            message = message.replace(url.pathAndQuery(), "/…");
        }
        return "cannot reach " + url.origin() + ": " + failure.getClass().getSimpleName() + message;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
