package dev.tagline.imports.config;

import com.google.common.net.HostAndPort;
import java.util.Locale;

/**
 * A registry whose signatures are read over plain HTTP, {@code host[:port]} in lowercase; a host without a port is
 * kept bare (an IPv6 one without brackets), to stand for every port of it. SmallRye Config reads each entry through
 * {@link #of}, so that an entry that is none stops the service at start-up, named.
 */
public record PlainHttpRegistry(String entry) {

    public static PlainHttpRegistry of(String value) {
        String entry = value.trim().toLowerCase(Locale.ROOT);
        HostAndPort parsed;
        try {
            parsed = HostAndPort.fromString(entry);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a registry, host[:port]");
        }
        if (parsed.getHost().isEmpty()
                || parsed.getHost().contains("/")
                || parsed.getHost().contains(" ")) {
            throw new IllegalArgumentException("'" + value + "' is not a registry, host[:port]");
        }
        return new PlainHttpRegistry(parsed.hasPort() ? entry : parsed.getHost());
    }
}
