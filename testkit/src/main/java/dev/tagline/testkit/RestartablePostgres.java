package dev.tagline.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An embedded PostgreSQL that a test can stop as a crash would ({@code SIGQUIT} to the postmaster: Postgres' immediate
 * shutdown, nothing checkpointed, recovery from the WAL on the next start) and start again on the same data and port.
 */
public final class RestartablePostgres implements PostgresServer {

    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    private RestartablePostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Creates a cluster in {@code dataDir} and starts it on a free port. */
    public static RestartablePostgres start(Path dataDir) {
        RestartablePostgres server = new RestartablePostgres(dataDir, FreePorts.freePort());
        server.restart();
        return server;
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    /** Postgres' immediate shutdown: every backend is ended at once and the next start recovers. */
    public synchronized void stopImmediately() {
        if (postgres == null) {
            return;
        }
        ProcessHandle postmaster =
                postmaster().orElseThrow(() -> new IllegalStateException("No postmaster.pid in " + dataDir));
        ExternalCommand.output(List.of("kill", "-QUIT", String.valueOf(postmaster.pid())), Duration.ofSeconds(10));
        try {
            postmaster.onExit().get(STOP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Postgres did not stop within " + STOP_LIMIT, e);
        }
        // Releases the handle's lock on the data directory; its attempt to stop the server finds none and says so.
        close();
    }

    /** Starts the server on its data and port, unless it runs. */
    public synchronized void restart() {
        if (postgres != null) {
            return;
        }
        QuietLogs.warningsOnly(List.of("io.zonky.test.db.postgres"));
        try {
            // The embedded default, synchronous_commit=off, answers a commit before its WAL is written: a crash then
            // loses commits that their clients saw succeed, and a consumer that committed its offsets after them
            // loses their records. Production servers run with it on, and so does a server a test crashes.
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded Postgres on " + dataDir, e);
        }
    }

    @Override
    public synchronized void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not stop embedded Postgres", e);
            }
            postgres = null;
        }
    }

    private Optional<ProcessHandle> postmaster() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
