package dev.tagline.support.egress;

import com.google.common.net.InetAddresses;
import com.google.common.primitives.Ints;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Tells addresses of the public internet from those of this machine, the cluster and private networks, by the
 * IANA special-purpose registries. An IPv6 address that carries an IPv4 address (IPv4-mapped, IPv4-compatible,
 * 6to4, Teredo, NAT64) gets the verdict of that IPv4 address, since that is where a packet to it ends up.
 */
public final class PublicAddresses {

    private static final List<AddressRange> NOT_PUBLIC_IPV4 = ranges(
            "0.0.0.0/8", // "this network", 0.0.0.0 included
            "10.0.0.0/8", // private
            "100.64.0.0/10", // carrier-grade NAT
            "127.0.0.0/8", // loopback
            "169.254.0.0/16", // link-local, cloud metadata services included
            "172.16.0.0/12", // private
            "192.0.0.0/24", // IETF protocol assignments
            "192.0.2.0/24", // documentation
            "192.88.99.0/24", // 6to4 relay anycast, deprecated
            "192.168.0.0/16", // private
            "198.18.0.0/15", // benchmarking
            "198.51.100.0/24", // documentation
            "203.0.113.0/24", // documentation
            "224.0.0.0/4", // multicast
            "240.0.0.0/4"); // reserved, broadcast included

    /** Global unicast; everything else (loopback, ULA, link-local, multicast, discard…) is not public. */
    private static final AddressRange GLOBAL_UNICAST_IPV6 = AddressRange.parse("2000::/3");

    private static final List<AddressRange> NOT_PUBLIC_GLOBAL_IPV6 = ranges(
            "2001::/23", // IETF protocol assignments: benchmarking, ORCHID…
            "2001:db8::/32", // documentation
            "3fff::/20"); // documentation

    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");

    private PublicAddresses() {}

    public static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address) {
            // The JDK gives IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) as Inet4Address already.
            return NOT_PUBLIC_IPV4.stream().noneMatch(range -> range.contains(address));
        }
        Optional<Inet4Address> carried = carriedIpv4((Inet6Address) address);
        if (carried.isPresent()) {
            return isPublic(carried.get());
        }
        return GLOBAL_UNICAST_IPV6.contains(address)
                && NOT_PUBLIC_GLOBAL_IPV6.stream().noneMatch(range -> range.contains(address));
    }

    /** Unspecified or multicast: never where a request should go, whatever the configuration lists. */
    public static boolean isNeverATarget(InetAddress address) {
        return address.isAnyLocalAddress() || address.isMulticastAddress();
    }

    private static Optional<Inet4Address> carriedIpv4(Inet6Address address) {
        if (InetAddresses.hasEmbeddedIPv4ClientAddress(address)) {
            // IPv4-compatible, 6to4, or Teredo (whose client address is the one reached).
            return Optional.of(InetAddresses.getEmbeddedIPv4ClientAddress(address));
        }
        if (NAT64.contains(address)) {
            byte[] bytes = address.getAddress();
            return Optional.of(InetAddresses.fromInteger(Ints.fromBytes(bytes[12], bytes[13], bytes[14], bytes[15])));
        }
        return Optional.empty();
    }

    private static List<AddressRange> ranges(String... ranges) {
        return List.of(ranges).stream().map(AddressRange::parse).toList();
    }
}
