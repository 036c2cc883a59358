package dev.tagline.events.reference;

/**
 * The domain part of a reference: a host name or IPv4 address, or a bracketed IPv6 address, with an
 * optional port.
 */
final class RegistryHost {

    private static final int LABEL_MAX_LENGTH = 63;
    private static final int PORT_MAX = 65535;

    private RegistryHost() {}

    /** @throws InvalidReferenceException naming what is wrong with {@code domain} */
    static void check(String domain) {
        String hostAndPort = domain;
        if (domain.startsWith("[")) {
            int close = domain.indexOf(']');
            if (close < 0) {
                throw invalid(domain, "has '[' without a closing ']'");
            }
            checkIpv6(domain, domain.substring(1, close));
            hostAndPort = domain.substring(close + 1);
            if (!hostAndPort.isEmpty() && hostAndPort.charAt(0) != ':') {
                throw invalid(domain, "has " + Quoted.quote(hostAndPort) + " after the IPv6 address; expected ':port'");
            }
        } else {
            int colon = domain.indexOf(':');
            if (colon >= 0 && domain.indexOf(':', colon + 1) >= 0) {
                throw invalid(domain, "has more than one ':'; an IPv6 address must be in brackets");
            }
            checkHostName(domain, colon < 0 ? domain : domain.substring(0, colon));
            hostAndPort = colon < 0 ? "" : domain.substring(colon);
        }
        if (!hostAndPort.isEmpty()) {
            checkPort(domain, hostAndPort.substring(1));
        }
    }

    private static void checkHostName(String domain, String host) {
        if (host.isEmpty()) {
            throw invalid(domain, "has an empty host");
        }
        String[] labels = host.split("\\.", -1);
        for (String label : labels) {
            checkLabel(domain, label);
        }
        if (labels.length == 4 && host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            for (String octet : labels) {
                if (octet.length() > 3 || Integer.parseInt(octet) > 255) {
                    throw invalid(domain, "is an IPv4 address with the octet " + Quoted.quote(octet) + " above 255");
                }
            }
        }
    }

    private static void checkLabel(String domain, String label) {
        if (label.isEmpty()) {
            throw invalid(domain, "has an empty label between dots");
        }
        if (label.length() > LABEL_MAX_LENGTH) {
            throw invalid(domain, "has a label of " + label.length() + " characters; at most " + LABEL_MAX_LENGTH);
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '-') {
                throw invalid(
                        domain,
                        "contains " + Quoted.character(label.codePointAt(i))
                                + "; a host may only use letters, digits, '-' and '.'");
            }
        }
        if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
            throw invalid(
                    domain,
                    "has the label " + Quoted.quote(label) + ", which must start and end with a letter or digit");
        }
    }

    private static void checkPort(String domain, String port) {
        if (port.isEmpty()) {
            throw invalid(domain, "has an empty port");
        }
        if (!port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(domain, "has the port " + Quoted.quote(port) + ", which is not a number");
        }
        if (port.length() > 5 || Integer.parseInt(port) > PORT_MAX || Integer.parseInt(port) == 0) {
            throw invalid(domain, "has the port " + port + "; a port is 1 to " + PORT_MAX);
        }
    }

    /** Eight groups of 1 to 4 hex digits, or fewer with one {@code ::} standing for the missing ones. */
    private static void checkIpv6(String domain, String address) {
        if (!address.chars().allMatch(c -> c == ':' || (c < 0x80 && Character.digit(c, 16) >= 0))) {
            throw invalid(domain, "is not a valid IPv6 address: only hex digits and ':' may appear in brackets");
        }
        int elided = address.indexOf("::");
        boolean valid;
        if (elided < 0) {
            valid = groups(address) == 8;
        } else if (address.indexOf("::", elided + 1) >= 0) {
            valid = false;
        } else {
            int head = groups(address.substring(0, elided));
            int tail = groups(address.substring(elided + 2));
            valid = head >= 0 && tail >= 0 && head + tail <= 7;
        }
        if (!valid) {
            throw invalid(domain, "is not a valid IPv6 address");
        }
    }

    /** The number of {@code :}-separated groups of 1 to 4 hex digits, 0 for "", -1 when one is malformed. */
    private static int groups(String part) {
        if (part.isEmpty()) {
            return 0;
        }
        String[] groups = part.split(":", -1);
        for (String group : groups) {
            if (group.isEmpty() || group.length() > 4) {
                return -1;
            }
        }
        return groups.length;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static InvalidReferenceException invalid(String domain, String problem) {
        return new InvalidReferenceException("registry " + Quoted.quote(domain) + " " + problem);
    }
}
