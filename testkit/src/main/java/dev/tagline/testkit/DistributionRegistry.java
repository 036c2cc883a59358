package dev.tagline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.mindrot.jbcrypt.BCrypt;

/**
 * The real Distribution registry (Debian's {@code docker-registry}, Distribution 2.8) on a free (or given) loopback
 * port, with filesystem storage in a temporary directory (or one kept across runs), deletes enabled, and optionally
 * notifications sent to a URL with given headers and htpasswd Basic authentication. Install it with
 * {@code apt-get install docker-registry}.
 */
public final class DistributionRegistry implements AutoCloseable {

    private static final String BINARY = "docker-registry";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    /**
     * Every manifest media type: a registry answers HEAD with the digest of the manifest as stored only when the
     * request accepts its media type, and would otherwise convert it or refuse.
     */
    public static final String ALL_MANIFEST_TYPES = String.join(
            ", ",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");

    private final Path directory;
    private final int port;
    private final String credentials;
    private final Path logFile;
    private Process process;

    private DistributionRegistry(Path directory, int port, String credentials, Path logFile) {
        this.directory = directory;
        this.port = port;
        this.credentials = credentials;
        this.logFile = logFile;
    }

    /** Notifications to {@code url} (Distribution retries every {@code backoff} until it gets a 2xx). */
    public record Notifications(String url, Map<String, String> headers, Duration timeout, Duration backoff) {

        public static Notifications to(String url, Map<String, String> headers) {
            return new Notifications(url, headers, Duration.ofSeconds(2), Duration.ofMillis(500));
        }
    }

    /** A registry without notifications or authentication. */
    public static DistributionRegistry start() {
        return start(null, null);
    }

    /**
     * A registry that sends notifications when {@code notifications} is not null, and requires Basic
     * authentication with {@code credentials} ({@code user:password}) when that is not null.
     */
    public static DistributionRegistry start(Notifications notifications, String credentials) {
        try {
            Path directory = Files.createTempDirectory("tagline-registry");
            return start(
                    directory,
                    FreePorts.freePort(),
                    directory.resolve("data"),
                    directory.resolve("registry.log"),
                    notifications,
                    credentials);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the registry", e);
        }
    }

    /**
     * A registry without authentication on a given loopback {@code port} that keeps its images in
     * {@code storageDirectory} across runs (only its configuration is temporary) and appends its log to
     * {@code logFile}; notifications as for {@link #start(Notifications, String)}.
     */
    public static DistributionRegistry startKeeping(
            int port, Path storageDirectory, Path logFile, Notifications notifications) {
        try {
            Files.createDirectories(storageDirectory);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            return start(
                    Files.createTempDirectory("tagline-registry"),
                    port,
                    storageDirectory,
                    logFile,
                    notifications,
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the registry", e);
        }
    }

    /** Whether {@code docker-registry} is on the PATH. */
    public static boolean installed() {
        return ExternalCommand.find(BINARY).isPresent();
    }

    private static DistributionRegistry start(
            Path directory,
            int port,
            Path storageDirectory,
            Path logFile,
            Notifications notifications,
            String credentials)
            throws IOException {
        Files.writeString(
                directory.resolve("config.yml"), config(directory, port, storageDirectory, notifications, credentials));
        if (credentials != null) {
            String[] userAndPassword = credentials.split(":", 2);
            Files.writeString(
                    directory.resolve("htpasswd"),
                    userAndPassword[0] + ":" + BCrypt.hashpw(userAndPassword[1], BCrypt.gensalt(4)) + "\n");
        }
        DistributionRegistry registry = new DistributionRegistry(directory, port, credentials, logFile);
        registry.launch();
        return registry;
    }

    /** {@code 127.0.0.1:<port>}, the registry host in image references. */
    public String host() {
        return "127.0.0.1:" + port;
    }

    public String baseUrl() {
        return "http://" + host();
    }

    /** The registry's own log, to read what it did (notifications it sent, requests it served). */
    public Path logFile() {
        return logFile;
    }

    /** The digest the registry reports for {@code repository:tag} to a HEAD accepting every manifest type. */
    public Optional<String> digestOf(String repository, String tag) {
        HttpRequest.Builder head = HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/v2/" + repository + "/manifests/" + tag))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Accept", ALL_MANIFEST_TYPES)
                .timeout(Duration.ofSeconds(10));
        if (credentials != null) {
            head.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<Void> response =
                    HttpClient.newHttpClient().send(head.build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200
                    ? response.headers().firstValue("Docker-Content-Digest")
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the process (notifications it still queued are lost, as with a real restart) and starts it again. */
    public void restart() {
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
        Directories.deleteRecursively(directory);
    }

    private void launch() {
        try {
            process = new ProcessBuilder(
                            BINARY, "serve", directory.resolve("config.yml").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + BINARY + " (apt-get install docker-registry)", e);
        }
        awaitServing();
    }

    private void awaitServing() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest base = HttpRequest.newBuilder(URI.create(baseUrl() + "/v2/"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                int status =
                        http.send(base, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || status == 401) {
                    return;
                }
            } catch (IOException notYetListening) {
                // Keep polling until the deadline.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        stop();
        throw new IllegalStateException("The registry did not start; see " + logFile());
    }

    private void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private static String config(
            Path directory, int port, Path storageDirectory, Notifications notifications, String credentials) {
        StringBuilder yaml = new StringBuilder()
                .append("version: 0.1\n")
                .append("log:\n  level: info\n")
                .append("storage:\n  filesystem:\n    rootdirectory: ")
                .append(storageDirectory.toAbsolutePath())
                .append('\n')
                .append("  delete:\n    enabled: true\n")
                .append("http:\n  addr: 127.0.0.1:")
                .append(port)
                .append('\n')
                // A fixed secret: uploads stay valid across restart().
                .append("  secret: tagline-test-registry\n");
        if (credentials != null) {
            yaml.append("auth:\n  htpasswd:\n    realm: tagline-test\n    path: ")
                    .append(directory.resolve("htpasswd"))
                    .append('\n');
        }
        if (notifications != null) {
            Map<String, String> headers = new LinkedHashMap<>(notifications.headers());
            yaml.append("notifications:\n  endpoints:\n    - name: tagline\n")
                    .append("      url: ")
                    .append(notifications.url())
                    .append('\n')
                    .append("      timeout: ")
                    .append(notifications.timeout().toMillis())
                    .append("ms\n")
                    .append("      threshold: 1\n")
                    .append("      backoff: ")
                    .append(notifications.backoff().toMillis())
                    .append("ms\n");
            if (!headers.isEmpty()) {
                yaml.append("      headers:\n")
                        .append(headers.entrySet().stream()
                                .map(header -> "        " + header.getKey() + ": [" + quoted(header.getValue()) + "]\n")
                                .collect(Collectors.joining()));
            }
        }
        return yaml.toString();
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
