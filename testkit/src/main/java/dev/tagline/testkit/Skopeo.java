package dev.tagline.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs Debian's {@code skopeo} (apt package {@code skopeo}) to push layouts from {@link OciImages} to a registry
 * on loopback over plain HTTP, as a user's CI would with {@code skopeo copy}.
 */
public final class Skopeo {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** The manifest format the registry receives: as built (OCI), or converted to Docker schema 2. */
    public enum Format {
        OCI,
        DOCKER_V2
    }

    private Skopeo() {}

    /** Pushes {@code image} (all platforms of an index) to {@code destination}, e.g. {@code 127.0.0.1:5000/team/app:v1}. */
    public static void push(OciImages.LayoutImage image, String destination) {
        push(image, destination, Format.OCI, null);
    }

    /** Pushes with a manifest format and, when {@code credentials} ({@code user:password}) is not null, Basic auth. */
    public static void push(OciImages.LayoutImage image, String destination, Format format, String credentials) {
        List<String> command =
                new ArrayList<>(List.of("skopeo", "--insecure-policy", "copy", "--dest-tls-verify=false"));
        if (image.isIndex()) {
            command.add("--all");
        }
        if (format == Format.DOCKER_V2) {
            command.addAll(List.of("--format", "v2s2"));
        }
        if (credentials != null) {
            command.addAll(List.of("--dest-creds", credentials));
        }
        command.addAll(List.of(image.ociReference(), "docker://" + destination));
        run(command);
    }

    /** Deletes a manifest by digest, e.g. {@code 127.0.0.1:5000/team/app@sha256:…}; the registry must allow deletes. */
    public static void delete(String reference) {
        run(List.of("skopeo", "--insecure-policy", "delete", "--tls-verify=false", "docker://" + reference));
    }

    private static void run(List<String> command) {
        if (ExternalCommand.find("skopeo").isEmpty()) {
            throw new IllegalStateException("skopeo is not on the PATH (apt-get install skopeo)");
        }
        ExternalCommand.output(command, TIMEOUT);
    }
}
