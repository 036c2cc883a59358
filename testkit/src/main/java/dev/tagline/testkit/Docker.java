package dev.tagline.testkit;

import java.util.logging.Level;
import org.jboss.logmanager.Logger;
import org.testcontainers.DockerClientFactory;

/** Tells whether Testcontainers can reach a Docker daemon from this machine. */
final class Docker {

    private Docker() {}

    static boolean daemonAnswers() {
        // No daemon is an expected answer here, not the error that Testcontainers logs it as.
        Logger testcontainers = Logger.getLogger("org.testcontainers");
        Level previous = testcontainers.getLevel();
        testcontainers.setLevel(Level.OFF);
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } finally {
            testcontainers.setLevel(previous);
        }
    }
}
