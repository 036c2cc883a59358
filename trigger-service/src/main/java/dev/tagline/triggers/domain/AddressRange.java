package dev.tagline.triggers.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IP address range in CIDR notation, {@code address/prefix-length}; a single address is a full-length prefix. */
public record AddressRange(byte[] network, int prefixLength) {

    /**
     * @throws IllegalArgumentException when {@code text} is not an IP address literal, optionally with a prefix
     *     length
     */
    public static AddressRange parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] network = literal(address);
        int length = network.length * 8;
        if (slash >= 0) {
            try {
                length = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a prefix length in " + text);
            }
            if (length < 0 || length > network.length * 8) {
                throw new IllegalArgumentException("prefix length out of range in " + text);
            }
        }
        return new AddressRange(network, length);
    }

    /** Whether {@code text} is an IPv4 or IPv6 literal, which resolves without DNS. */
    public static boolean isLiteral(String text) {
        boolean ipv4 = text.matches("[0-9.]+") && text.chars().filter(c -> c == '.').count() == 3;
        boolean ipv6 = text.contains(":") && text.matches("[0-9a-fA-F:.]+");
        return ipv4 || ipv6;
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = 0xff << (8 - remainingBits) & 0xff;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    private static byte[] literal(String address) {
        if (!isLiteral(address)) {
            throw new IllegalArgumentException("not an IP address: " + address);
        }
        try {
            // A literal: InetAddress parses it without asking DNS.
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + address);
        }
    }
}
