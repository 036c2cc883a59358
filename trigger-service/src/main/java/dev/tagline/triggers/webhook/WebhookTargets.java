package dev.tagline.triggers.webhook;

import dev.tagline.support.egress.OutboundAllowList;
import dev.tagline.support.egress.OutboundGuard;
import dev.tagline.support.egress.OutboundTarget;
import dev.tagline.support.egress.OutboundTargetRefused;
import dev.tagline.triggers.config.TriggersConfig;
import dev.tagline.triggers.domain.WebhookUrl;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;

/**
 * Admits a webhook's host by {@code tagline.triggers.allowed-webhook-hosts} and service-support's
 * {@link OutboundGuard}: when a trigger is written, and again before each attempt, whose connection then goes to
 * the address checked here (DNS may have changed since, and must not get a second say between check and connect).
 */
@ApplicationScoped
public class WebhookTargets {

    public static final String SETTING = "tagline.triggers.allowed-webhook-hosts";

    private final OutboundGuard guard;

    public WebhookTargets(TriggersConfig config, Vertx vertx) {
        this.guard = new OutboundGuard(
                vertx,
                new OutboundAllowList(SETTING, config.allowedWebhookHosts()),
                config.delivery().connectTimeout());
    }

    /**
     * @return the address to connect to, one the allow-list passed, on the caller's Vert.x context
     * @throws OutboundTargetRefused (as the failure) when the host does not resolve (in time) or is refused
     */
    public Uni<InetAddress> admit(WebhookUrl url) {
        return guard.admit(OutboundTarget.of(url.host(), url.port()));
    }
}
