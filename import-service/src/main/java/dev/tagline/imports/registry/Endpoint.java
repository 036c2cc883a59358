package dev.tagline.imports.registry;

import java.net.InetAddress;

/**
 * Where one exchange goes: the host as named (for the {@code Host} header, TLS SNI and certificate checks) and
 * the address it was admitted at, which is what the connection uses.
 */
public record Endpoint(boolean tls, String host, int port, InetAddress address) {

    /** A host and port not yet resolved. */
    public record Address(String host, int port) {}

    /** For messages: {@code https://host:port}. */
    public String origin() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return (tls ? "https://" : "http://") + shownHost + ":" + port;
    }
}
