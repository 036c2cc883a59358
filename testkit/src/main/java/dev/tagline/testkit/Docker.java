package dev.tagline.testkit;

import org.testcontainers.DockerClientFactory;

/** Tells whether Testcontainers can reach a Docker daemon from this machine. */
final class Docker {

    private Docker() {
    }

    static boolean daemonAnswers() {
        return DockerClientFactory.instance().isDockerAvailable();
    }
}
