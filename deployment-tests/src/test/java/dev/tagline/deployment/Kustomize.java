package dev.tagline.deployment;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization as {@code kubectl apply -k} would, with the {@code kubectl} (or else {@code kustomize}) on
 * the PATH. Without either the manifests cannot be checked, so rendering fails rather than letting a check pass.
 */
final class Kustomize {

    private static final long TIMEOUT_SECONDS = 60;

    private Kustomize() {
    }

    static String build(Path kustomization) {
        return build(kustomization, System.getenv("PATH"));
    }

    /** Renders with the programs found on {@code searchPath}, a PATH-style list of directories. */
    static String build(Path kustomization, String searchPath) {
        List<String> command = command(kustomization, searchPath);
        try {
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
                process.getOutputStream().close();
                String rendered = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                            + Files.readString(errors));
                }
                return rendered;
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> command(Path kustomization, String searchPath) {
        String directory = kustomization.toString();
        Optional<Path> kubectl = onPath("kubectl", searchPath);
        if (kubectl.isPresent()) {
            return List.of(kubectl.get().toString(), "kustomize", directory);
        }
        Optional<Path> kustomize = onPath("kustomize", searchPath);
        if (kustomize.isPresent()) {
            return List.of(kustomize.get().toString(), "build", directory);
        }
        throw new IllegalStateException("Neither kubectl nor kustomize is on the PATH (" + searchPath
                + "), so the Kubernetes manifests in k8s/ cannot be rendered and checked. Install kubectl 1.27 or later"
                + " (it includes kustomize v5), or kustomize v5.");
    }

    private static Optional<Path> onPath(String program, String searchPath) {
        if (searchPath == null) {
            return Optional.empty();
        }
        return Arrays.stream(searchPath.split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
