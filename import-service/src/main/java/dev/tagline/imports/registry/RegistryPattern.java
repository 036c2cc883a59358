package dev.tagline.imports.registry;

import java.util.Locale;

/**
 * One entry of {@code tagline.imports.allowed-registries} other than {@code *}: {@code host}, {@code host:port},
 * {@code *.domain} or {@code *.domain:port}; an IPv6 address is written in brackets. Without a port it matches
 * every port.
 *
 * @param host lowercase, without brackets; for a wildcard, the domain that must end the host
 * @param port null for any port
 */
record RegistryPattern(String host, boolean wildcard, Integer port) {

    private static final String WILDCARD_PREFIX = "*.";

    static RegistryPattern parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        boolean wildcard = value.startsWith(WILDCARD_PREFIX);
        if (wildcard) {
            value = value.substring(WILDCARD_PREFIX.length());
        }
        HostAndPort parsed = HostAndPort.parse(value);
        if (parsed.host().isEmpty() || parsed.host().contains("*")) {
            throw new IllegalArgumentException("tagline.imports.allowed-registries: cannot read '" + text
                    + "'; expected *, host, host:port, *.domain or *.domain:port");
        }
        return new RegistryPattern(parsed.host(), wildcard, parsed.port());
    }

    boolean matches(String candidateHost, int candidatePort) {
        String candidate = candidateHost.toLowerCase(Locale.ROOT);
        boolean hostMatches = wildcard ? candidate.endsWith("." + host) : candidate.equals(host);
        return hostMatches && (port == null || port == candidatePort);
    }
}
