package dev.tagline.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** PostgreSQL 17 from the binaries packaged in a jar, run as a child process of this JVM. */
public final class EmbeddedPostgresServer implements PostgresServer {

    // The embedded server trusts local connections: any password is accepted, but clients still want one.
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final String DATABASE = "postgres";
    // Its INFO level carries every line that initdb and the server print.
    private static final List<String> LOG_CATEGORIES = List.of("io.zonky.test.db.postgres");

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a throwaway server whose data is deleted on close. */
    public static EmbeddedPostgresServer start() {
        return start(EmbeddedPostgres.builder());
    }

    /** Starts a server that keeps its data in {@code dataDirectory}, creating the cluster there on first use. */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        return start(EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false));
    }

    private static EmbeddedPostgresServer start(EmbeddedPostgres.Builder builder) {
        QuietLogs.warningsOnly(LOG_CATEGORIES);
        try {
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded Postgres", e);
        }
    }

    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    @Override
    public String username() {
        return USER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop embedded Postgres", e);
        }
    }
}
