package dev.tagline.triggers.webhook;

import dev.tagline.triggers.config.TriggersConfig;
import dev.tagline.triggers.domain.WebhookHostPolicy;
import dev.tagline.triggers.domain.WebhookUrl;
import io.netty.util.NetUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a webhook's host and checks every address against the allowlist: when a trigger is written, and
 * again before each attempt, whose connection then goes to the address checked here (DNS may have changed
 * since, and must not get a second say between check and connect).
 */
@ApplicationScoped
public class WebhookTargets {

    private final WebhookHostPolicy policy;
    private final Vertx vertx;

    public WebhookTargets(TriggersConfig config, Vertx vertx) {
        this.policy = new WebhookHostPolicy(config.allowedWebhookHosts());
        this.vertx = vertx;
    }

    /**
     * @return the host's addresses, all of them allowed, on the caller's Vert.x context
     * @throws WebhookTargetRefused (as the failure) when the host does not resolve or an address is refused
     */
    public Uni<List<InetAddress>> resolve(WebhookUrl url) {
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(url.host());
        // The system resolver blocks: on a worker, and in parallel with other lookups. An address needs no lookup.
        Uni<List<InetAddress>> resolved = literal == null
                ? vertx.executeBlocking(() -> List.of(lookUp(url.host())), false)
                : Uni.createFrom().item(() -> List.of(address(literal)));
        return resolved.map(addresses -> {
            policy.problem(url.host(), addresses).ifPresent(problem -> {
                throw new WebhookTargetRefused(problem);
            });
            return addresses;
        });
    }

    private static InetAddress address(byte[] literal) {
        try {
            return InetAddress.getByAddress(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an IP literal has 4 or 16 bytes", e);
        }
    }

    private static InetAddress[] lookUp(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new WebhookTargetRefused("host " + host + " does not resolve");
        }
    }
}
