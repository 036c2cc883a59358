package dev.tagline.support.egress;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;

/** An IP address range in CIDR notation, {@code address/prefix-length}; a single address is a full-length prefix. */
public record AddressRange(InetAddress network, int prefixLength) {

    /**
     * @param text a strict IPv4 or IPv6 literal, optionally with {@code /prefix-length}
     * @throws IllegalArgumentException when it is not
     */
    public static AddressRange parse(String text) {
        int slash = text.indexOf('/');
        InetAddress network = literal(slash < 0 ? text : text.substring(0, slash));
        int bits = network.getAddress().length * 8;
        if (slash < 0) {
            return new AddressRange(network, bits);
        }
        int length;
        try {
            length = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no prefix length after '/'");
        }
        if (length < 0 || length > bits) {
            throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0 to " + bits);
        }
        return new AddressRange(network, length);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] prefix = network.getAddress();
        if (candidate.length != prefix.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit += 8) {
            int mask = 0xff << Math.max(0, 8 - (prefixLength - bit)) & 0xff;
            if ((candidate[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return InetAddresses.toAddrString(network) + "/" + prefixLength;
    }

    /** Guava's parser, not InetAddress's: it never asks DNS and refuses ambiguous spellings such as {@code 010.0.0.1}. */
    private static InetAddress literal(String text) {
        if (!InetAddresses.isInetAddress(text)) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        return InetAddresses.forString(text);
    }
}
