package dev.tagline.imports.registry;

import com.google.common.net.HostAndPort;
import dev.tagline.imports.config.ImportsConfig;
import dev.tagline.support.egress.OutboundAllowList;
import dev.tagline.support.egress.OutboundGuard;
import dev.tagline.support.egress.OutboundTarget;
import dev.tagline.support.egress.OutboundTargetRefused;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.Locale;

/**
 * Admits the registries (and token servers) imports may reach, by {@code tagline.imports.allowed-registries} and
 * service-support's {@link OutboundGuard}: resolved once, within the connect timeout, and connected to at the
 * address checked.
 */
@ApplicationScoped
public class AllowedRegistries {

    public static final String SETTING = "tagline.imports.allowed-registries";

    private final OutboundGuard guard;

    public AllowedRegistries(Vertx vertx, ImportsConfig config) {
        this.guard = new OutboundGuard(
                vertx,
                new OutboundAllowList(SETTING, config.allowedRegistries()),
                config.http().connectTimeout());
    }

    /**
     * Resolves {@code host} and answers the address to connect to.
     *
     * @param name how the configuration may list the target: a registry as references name it, or a token
     *     server's {@code host[:port]}
     * @throws RegistryNotAllowedException (as the failure) when the configuration does not allow it; an
     *     {@link ImportFailedException} unreachable or timed out when the name does not resolve (in time)
     */
    public Uni<InetAddress> admit(String name, String host, int port) {
        String bareHost = bare(host);
        OutboundTarget target = new OutboundTarget(
                bareHost, port, bare(HostAndPort.fromString(name).getHost()));
        return guard.admit(target).onFailure(OutboundTargetRefused.class).transform(failure -> {
            OutboundTargetRefused refused = (OutboundTargetRefused) failure;
            return switch (refused.why()) {
                case NOT_ALLOWED -> new RegistryNotAllowedException(refused.getMessage());
                case UNRESOLVED -> ImportFailedException.unreachable("cannot resolve " + bareHost);
                case TIMED_OUT -> ImportFailedException.timedOut(refused.getMessage());
            };
        });
    }

    private static String bare(String host) {
        return host.replaceAll("^\\[|]$", "").toLowerCase(Locale.ROOT);
    }
}
