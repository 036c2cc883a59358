package dev.tagline.imports.registry;

/**
 * {@code host[:port]} split apart; an IPv6 host is given in brackets and returned without them.
 *
 * @param port null when none is written
 */
record HostAndPort(String host, Integer port) {

    static HostAndPort parse(String authority) {
        String host = authority;
        String port = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + authority + "' has '[' without ']'");
            }
            host = authority.substring(1, close);
            if (authority.length() > close + 1) {
                if (authority.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("'" + authority + "' has text after the IPv6 address");
                }
                port = authority.substring(close + 2);
            }
        } else {
            int colon = authority.lastIndexOf(':');
            if (colon >= 0) {
                host = authority.substring(0, colon);
                port = authority.substring(colon + 1);
            }
        }
        return new HostAndPort(host, port == null ? null : parsePort(authority, port));
    }

    private static int parsePort(String authority, String port) {
        try {
            int value = Integer.parseInt(port);
            if (value < 1 || value > 65535) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + authority + "' has no valid port");
        }
    }
}
