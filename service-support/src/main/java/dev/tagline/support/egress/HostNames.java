package dev.tagline.support.egress;

import com.google.common.net.InetAddresses;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a host name may look like. A name whose last label is a number ({@code 2130706433}, {@code 0177.0.0.1},
 * {@code 0x7f.1}) is no name: resolvers read it as an IPv4 address in a decimal, octal or hex spelling, and do not
 * agree on which (the JDK reads {@code 0177.0.0.1} as 177.0.0.1, inet_aton as 127.0.0.1), so it is refused.
 */
final class HostNames {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");
    private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(.*\\.)?([0-9]+|0x[0-9a-f]*)");

    private HostNames() {}

    /** @throws IllegalArgumentException for anything but a plain host name */
    static String checked(String host) {
        if (!NAME.matcher(host).matches()) {
            throw new IllegalArgumentException("'" + host + "' is not a host name");
        }
        if (isOtherAddressSpelling(host)) {
            throw new IllegalArgumentException("'" + host + "' is not an IP address in dotted decimal");
        }
        return host;
    }

    /** Not a strict IP literal, yet read as an IPv4 address by some resolver. */
    static boolean isOtherAddressSpelling(String host) {
        return !InetAddresses.isInetAddress(host)
                && NUMERIC_LAST_LABEL.matcher(host.toLowerCase(Locale.ROOT)).matches();
    }
}
