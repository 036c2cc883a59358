package dev.tagline.testkit;

/** A PostgreSQL server that tests and the local stack can connect to. */
public interface PostgresServer extends AutoCloseable {

    /**
     * The one server shared by every test of this JVM, whichever Quarkus app or test profile asks: the one that
     * {@code TAGLINE_TEST_POSTGRES_URL}, {@code _USER} and {@code _PASSWORD} name, else a Testcontainers
     * {@code postgres:17} if a Docker daemon answers, else an embedded PostgreSQL 17. It runs until the JVM exits;
     * closing the returned handle does nothing.
     */
    static PostgresServer shared() {
        return SharedPostgres.get();
    }

    /** {@code jdbc:postgresql://host:port/database} */
    String jdbcUrl();

    /** {@code postgresql://host:port/database}, the form Quarkus' reactive client takes. */
    default String reactiveUrl() {
        return jdbcUrl().substring("jdbc:".length());
    }

    String username();

    String password();

    @Override
    void close();
}
