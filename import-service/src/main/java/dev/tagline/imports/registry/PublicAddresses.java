package dev.tagline.imports.registry;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Tells addresses on the public internet from those of internal networks: loopback, link-local, private,
 * unspecified, multicast, carrier-grade NAT, reserved and documentation ranges, and IPv6 addresses that embed
 * one of those IPv4 addresses.
 */
public final class PublicAddresses {

    /** IPv4 ranges Java has no predicate for, as {address, prefix length}. */
    private static final int[][] NON_PUBLIC_IPV4 = {
        {ipv4(0, 0, 0, 0), 8},
        {ipv4(100, 64, 0, 0), 10},
        {ipv4(192, 0, 0, 0), 24},
        {ipv4(192, 0, 2, 0), 24},
        {ipv4(198, 18, 0, 0), 15},
        {ipv4(198, 51, 100, 0), 24},
        {ipv4(203, 0, 113, 0), 24},
        {ipv4(240, 0, 0, 0), 4},
    };

    private PublicAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        if (address instanceof Inet4Address) {
            return isPublicIpv4(address.getAddress());
        }
        return isPublicIpv6((Inet6Address) address);
    }

    private static boolean isPublicIpv4(byte[] bytes) {
        int value = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        for (int[] range : NON_PUBLIC_IPV4) {
            int mask = -1 << (32 - range[1]);
            if ((value & mask) == range[0]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPublicIpv6(Inet6Address address) {
        byte[] bytes = address.getAddress();
        // fc00::/7, unique local addresses: IPv6's private networks.
        if ((bytes[0] & 0xfe) == 0xfc) {
            return false;
        }
        // 2001:db8::/32, documentation.
        if (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && (bytes[3] & 0xff) == 0xb8) {
            return false;
        }
        // ::/96 (IPv4-compatible), 64:ff9b::/96 (NAT64): the last 32 bits are an IPv4 address.
        if (address.isIPv4CompatibleAddress() || startsWith(bytes, 0x00, 0x64, 0xff, 0x9b)) {
            return isPublic(embeddedIpv4(bytes, 12));
        }
        // 2002::/16, 6to4: bits 16 to 48 are an IPv4 address.
        if (bytes[0] == 0x20 && bytes[1] == 0x02) {
            return isPublic(embeddedIpv4(bytes, 2));
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return Arrays.equals(bytes, prefix.length, 12, new byte[12 - prefix.length], 0, 12 - prefix.length);
    }

    private static InetAddress embeddedIpv4(byte[] bytes, int offset) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, offset, offset + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private static int ipv4(int a, int b, int c, int d) {
        return (a << 24) | (b << 16) | (c << 8) | d;
    }
}
