package dev.tagline.imports.registry;

import dev.tagline.imports.config.ImportsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Admits the registries (and token servers) imports may reach, as {@link RegistryAllowList} rules, so that the
 * service cannot be turned against the internal network. A name is resolved once and the caller connects to the
 * address returned, so a DNS answer that changes between the check and the connection (rebinding) cannot
 * redirect it.
 */
@ApplicationScoped
public class AllowedRegistries {

    private final Vertx vertx;
    private final RegistryAllowList allowList;
    private final Duration resolveTimeout;

    public AllowedRegistries(Vertx vertx, ImportsConfig config) {
        this.vertx = vertx;
        this.allowList = RegistryAllowList.of(config.allowedRegistries());
        this.resolveTimeout = config.http().connectTimeout();
    }

    /**
     * Resolves {@code host} and answers the address to connect to.
     *
     * @param name how the configuration may list the target: a registry as references name it, or a token
     *     server's {@code host[:port]}
     * @throws RegistryNotAllowedException (as the failure) when the configuration does not allow it
     */
    public Uni<InetAddress> admit(String name, String host, int port) {
        Optional<String> refused = allowList.refusalBeforeResolving(name, host, port);
        if (refused.isPresent()) {
            return Uni.createFrom().failure(new RegistryNotAllowedException(refused.get()));
        }
        return resolve(host).map(addresses -> {
            allowList.refusal(name, host, port, addresses).ifPresent(refusal -> {
                throw new RegistryNotAllowedException(refusal);
            });
            return addresses.get(0);
        });
    }

    /** On a worker thread: the JDK resolver blocks, and honours the hosts file as the registry's users expect. */
    private Uni<List<InetAddress>> resolve(String host) {
        return vertx.executeBlocking(() -> lookUp(host), false)
                .ifNoItem().after(resolveTimeout)
                .failWith(() -> ImportFailedException.timedOut("resolving " + host + " took longer than " + resolveTimeout));
    }

    private static List<InetAddress> lookUp(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            throw ImportFailedException.unreachable("cannot resolve " + host);
        }
    }
}
