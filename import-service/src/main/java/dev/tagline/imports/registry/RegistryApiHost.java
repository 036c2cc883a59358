package dev.tagline.imports.registry;

import com.google.common.net.HostAndPort;

/** Where a registry's Distribution API answers: Docker Hub's is not at {@code docker.io} itself. */
final class RegistryApiHost {

    private static final String DOCKER_HUB = "docker.io";
    private static final String DOCKER_HUB_API = "registry-1.docker.io";
    private static final int HTTPS_PORT = 443;
    private static final int HTTP_PORT = 80;

    private RegistryApiHost() {}

    /** @param registry as references name it, {@code host[:port]}, an IPv6 host in brackets */
    static Endpoint.Address of(String registry, boolean tls) {
        if (registry.equals(DOCKER_HUB)) {
            return new Endpoint.Address(DOCKER_HUB_API, HTTPS_PORT);
        }
        HostAndPort parsed = HostAndPort.fromString(registry);
        return new Endpoint.Address(parsed.getHost(), parsed.getPortOrDefault(tls ? HTTPS_PORT : HTTP_PORT));
    }
}
