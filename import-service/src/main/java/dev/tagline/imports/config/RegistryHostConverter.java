package dev.tagline.imports.config;

import com.google.common.net.HostAndPort;
import java.util.Locale;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads a registry as {@code host[:port]}, lowercase, so that an entry that is none stops the service at start-up,
 * named. A host without a port is kept bare (an IPv6 one without brackets), to stand for every port of it.
 */
public class RegistryHostConverter implements Converter<String> {

    @Override
    public String convert(String value) {
        String entry = value.trim().toLowerCase(Locale.ROOT);
        HostAndPort parsed;
        try {
            parsed = HostAndPort.fromString(entry);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a registry, host[:port]");
        }
        if (parsed.getHost().isEmpty() || parsed.getHost().contains("/") || parsed.getHost().contains(" ")) {
            throw new IllegalArgumentException("'" + value + "' is not a registry, host[:port]");
        }
        return parsed.hasPort() ? entry : parsed.getHost();
    }
}
