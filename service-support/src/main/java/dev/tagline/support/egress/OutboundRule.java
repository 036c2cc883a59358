package dev.tagline.support.egress;

import com.google.common.net.HostAndPort;
import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.Locale;

/**
 * One entry of an outbound allow-list setting: {@code public}, {@code host[:port]}, {@code *.domain[:port]}, an IP
 * address ({@code 10.0.0.5}, {@code 10.0.0.5:5000}, {@code fd00::5}, {@code [fd00::5]:5000}) or a CIDR range
 * ({@code 10.0.0.0/8}, {@code fd00::/8}). Without a port an entry matches every port.
 */
public sealed interface OutboundRule {

    String GRAMMAR = "expected public, host[:port], *.domain[:port], an IP address[:port] or a CIDR range";

    /** Any host whose every address is public. */
    record AnyPublic() implements OutboundRule {}

    /** A host by name, or with {@code subdomains} every host under that domain (not the domain itself). */
    record Named(String name, boolean subdomains, Integer port) implements OutboundRule {

        boolean matches(String host, int candidatePort) {
            String candidate = host.toLowerCase(Locale.ROOT);
            boolean hostMatches = subdomains ? candidate.endsWith("." + name) : candidate.equals(name);
            return hostMatches && (port == null || port == candidatePort);
        }
    }

    /** An address or a range of them, whatever name led there. */
    record Addressed(AddressRange range, Integer port) implements OutboundRule {

        boolean matches(InetAddress address, int candidatePort) {
            return range.contains(address) && (port == null || port == candidatePort);
        }
    }

    /** @throws IllegalArgumentException saying what cannot be read, and what could */
    static OutboundRule parse(String text) {
        String entry = text.trim().toLowerCase(Locale.ROOT);
        try {
            return read(entry);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read '" + text + "' (" + e.getMessage() + "); " + GRAMMAR, e);
        }
    }

    private static OutboundRule read(String entry) {
        if (entry.equals("public")) {
            return new AnyPublic();
        }
        if (entry.equals("*")) {
            throw new IllegalArgumentException("'public' is how to allow any host whose every address is public");
        }
        if (entry.contains("/")) {
            return new Addressed(AddressRange.parse(entry), null);
        }
        boolean subdomains = entry.startsWith("*.");
        HostAndPort hostAndPort = HostAndPort.fromString(subdomains ? entry.substring(2) : entry);
        Integer port = hostAndPort.hasPort() ? hostAndPort.getPort() : null;
        if (port != null && port == 0) {
            throw new IllegalArgumentException("port 0");
        }
        String host = hostAndPort.getHost();
        if (!subdomains && InetAddresses.isInetAddress(host)) {
            return new Addressed(AddressRange.parse(host), port);
        }
        return new Named(HostNames.checked(host), subdomains, port);
    }
}
