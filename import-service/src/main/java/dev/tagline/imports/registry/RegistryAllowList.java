package dev.tagline.imports.registry;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The rule of {@code tagline.imports.allowed-registries}: {@code *} admits a host only if every address it resolves
 * to is public; {@code host}, {@code host:port}, {@code *.domain} and {@code *.domain:port} admit their matches
 * whatever they resolve to; anything else is refused.
 */
public final class RegistryAllowList {

    private static final String ANY_PUBLIC = "*";

    private final boolean anyPublic;
    private final List<RegistryPattern> listed;

    private RegistryAllowList(boolean anyPublic, List<RegistryPattern> listed) {
        this.anyPublic = anyPublic;
        this.listed = listed;
    }

    /** @throws IllegalArgumentException naming an entry that cannot be read */
    public static RegistryAllowList of(List<String> entries) {
        boolean anyPublic = entries.stream().anyMatch(entry -> entry.trim().equals(ANY_PUBLIC));
        List<RegistryPattern> listed = entries.stream()
                .filter(entry -> !entry.isBlank() && !entry.trim().equals(ANY_PUBLIC))
                .map(RegistryPattern::parse)
                .toList();
        return new RegistryAllowList(anyPublic, listed);
    }

    /**
     * Whether the configuration names the target itself, by the name references use ({@code docker.io},
     * {@code 127.0.0.1:5000}) or by the host connected to.
     */
    public boolean lists(String name, String host, int port) {
        return matches(name, port) || matches(host, port);
    }

    /** Why the target may not be reached before resolving it: it is not listed and {@code *} is not given. */
    public Optional<String> refusalBeforeResolving(String name, String host, int port) {
        if (lists(name, host, port) || anyPublic) {
            return Optional.empty();
        }
        return Optional.of("imports from " + name + " are not allowed by tagline.imports.allowed-registries");
    }

    /** Why the target may not be reached at the addresses it resolved to: an unlisted one must be all public. */
    public Optional<String> refusal(String name, String host, int port, List<InetAddress> addresses) {
        Optional<String> unlisted = refusalBeforeResolving(name, host, port);
        if (unlisted.isPresent() || lists(name, host, port)) {
            return unlisted;
        }
        return addresses.stream().filter(address -> !PublicAddresses.isPublic(address)).findFirst()
                .map(internal -> name + " resolves to the internal address " + internal.getHostAddress()
                        + "; only listing it in tagline.imports.allowed-registries allows imports from it");
    }

    private boolean matches(String authority, int defaultPort) {
        HostAndPort parsed;
        try {
            parsed = HostAndPort.parse(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int port = parsed.port() == null ? defaultPort : parsed.port();
        return listed.stream().anyMatch(pattern -> pattern.matches(parsed.host(), port));
    }
}
