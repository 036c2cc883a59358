package dev.tagline.support.egress;

/**
 * Where a request is about to go.
 *
 * @param host as connected to, lower case; an IPv6 literal without brackets
 * @param listedAs another name the configuration may list it by (a registry as references name it, such as
 *     {@code docker.io} for {@code registry-1.docker.io}); the host itself when there is none
 */
public record OutboundTarget(String host, int port, String listedAs) {

    public static OutboundTarget of(String host, int port) {
        return new OutboundTarget(host, port, host);
    }
}
