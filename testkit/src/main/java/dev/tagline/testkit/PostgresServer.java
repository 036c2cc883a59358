package dev.tagline.testkit;

/** A PostgreSQL server that tests and the local stack can connect to. */
public interface PostgresServer extends AutoCloseable {

    /** The one server shared by every test of this JVM, whichever Quarkus app or test profile asks. */
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
