package dev.tagline.support.egress;

import com.google.common.net.InetAddresses;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Admits outbound requests (registry imports, webhook deliveries) by an {@link OutboundAllowList}, so that a
 * service cannot be turned against this machine, the cluster or a private network. A name is resolved once,
 * within a timeout, and the caller connects to the address returned, so that a DNS answer that changes between
 * the check and the connection (rebinding) cannot redirect it.
 */
public final class OutboundGuard {

    private final Vertx vertx;
    private final OutboundAllowList allowList;
    private final Duration resolveTimeout;

    public OutboundGuard(Vertx vertx, OutboundAllowList allowList, Duration resolveTimeout) {
        this.vertx = vertx;
        this.allowList = allowList;
        this.resolveTimeout = resolveTimeout;
    }

    /**
     * @return the address to connect to, one the allow-list passed
     * @throws OutboundTargetRefused (as the failure) when the target is refused or its name cannot be resolved
     */
    public Uni<InetAddress> admit(OutboundTarget target) {
        Optional<String> refused = allowList.refusalBeforeResolving(target);
        if (refused.isPresent()) {
            return Uni.createFrom()
                    .failure(new OutboundTargetRefused(OutboundTargetRefused.Why.NOT_ALLOWED, refused.get()));
        }
        return resolve(target.host()).map(addresses -> {
            allowList.refusal(target, addresses).ifPresent(refusal -> {
                throw new OutboundTargetRefused(OutboundTargetRefused.Why.NOT_ALLOWED, refusal);
            });
            return addresses.get(0);
        });
    }

    private Uni<List<InetAddress>> resolve(String host) {
        if (InetAddresses.isInetAddress(host)) {
            return Uni.createFrom().item(List.of(InetAddresses.forString(host)));
        }
        // The JDK resolver blocks (and honours the hosts file, as users expect): on a worker, in parallel.
        return vertx.executeBlocking(() -> lookUp(host), false)
                .ifNoItem()
                .after(resolveTimeout)
                .failWith(() -> new OutboundTargetRefused(
                        OutboundTargetRefused.Why.TIMED_OUT,
                        "resolving " + host + " took longer than " + resolveTimeout));
    }

    private static List<InetAddress> lookUp(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            throw new OutboundTargetRefused(OutboundTargetRefused.Why.UNRESOLVED, host + " does not resolve");
        }
    }
}
