package dev.tagline.triggers.domain;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which hosts webhooks may reach, from {@code tagline.triggers.allowed-webhook-hosts}. Entries: {@code public}
 * (any host whose every address is public), a host name, {@code *.domain}, an IP address or a CIDR range.
 * A host passes when its name is listed, or when every address it resolves to is listed or, with
 * {@code public}, is public. Unspecified and multicast addresses never pass. The check is made on the
 * addresses that will be connected to, so that a name that resolves elsewhere later is caught then.
 */
public final class WebhookHostPolicy {

    public static final String PUBLIC = "public";

    /** Special-purpose IPv4 and IPv6 ranges that are not the public internet, beyond what InetAddress flags. */
    private static final List<AddressRange> NOT_PUBLIC = List.of(
            AddressRange.parse("0.0.0.0/8"),
            AddressRange.parse("100.64.0.0/10"),
            AddressRange.parse("192.0.0.0/24"),
            AddressRange.parse("192.0.2.0/24"),
            AddressRange.parse("198.18.0.0/15"),
            AddressRange.parse("198.51.100.0/24"),
            AddressRange.parse("203.0.113.0/24"),
            AddressRange.parse("240.0.0.0/4"),
            AddressRange.parse("::/96"),
            AddressRange.parse("64:ff9b::/96"),
            AddressRange.parse("100::/64"),
            AddressRange.parse("2001:db8::/32"),
            AddressRange.parse("fc00::/7"));

    private final boolean allowPublic;
    private final List<String> names = new ArrayList<>();
    private final List<String> domainSuffixes = new ArrayList<>();
    private final List<AddressRange> ranges = new ArrayList<>();

    /** @throws IllegalArgumentException naming an entry that is none of the accepted forms */
    public WebhookHostPolicy(List<String> entries) {
        boolean publicListed = false;
        for (String raw : entries) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals(PUBLIC)) {
                publicListed = true;
            } else if (entry.startsWith("*.")) {
                domainSuffixes.add(entry.substring(1));
            } else if (entry.contains("/") || AddressRange.isLiteral(entry)) {
                ranges.add(AddressRange.parse(entry.startsWith("[") ? entry.replaceAll("[\\[\\]]", "") : entry));
            } else if (entry.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
                names.add(entry);
            } else {
                throw new IllegalArgumentException("tagline.triggers.allowed-webhook-hosts: cannot read entry " + raw);
            }
        }
        this.allowPublic = publicListed;
    }

    /**
     * @param host as in the URL, lower case
     * @param addresses what the host resolves to now
     * @return why the host may not be reached; empty when it may
     */
    public Optional<String> problem(String host, List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            return Optional.of("host " + host + " resolves to no address");
        }
        for (InetAddress address : addresses) {
            if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
                return Optional.of("host " + host + " resolves to " + address.getHostAddress()
                        + ", which is never a webhook's address");
            }
        }
        if (names.contains(host) || domainSuffixes.stream().anyMatch(host::endsWith)) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            boolean listed = ranges.stream().anyMatch(range -> range.contains(address));
            if (!listed && !(allowPublic && isPublic(address))) {
                return Optional.of("host " + host + " resolves to " + address.getHostAddress() + ", "
                        + (isPublic(address) ? "a public address" : "a loopback, link-local or private address")
                        + " that tagline.triggers.allowed-webhook-hosts does not allow");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        return !(address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || NOT_PUBLIC.stream().anyMatch(range -> range.contains(address)));
    }
}
