package dev.tagline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Talks to a real embedded PostgreSQL 17 through the PostgreSQL JDBC driver. */
class PostgresServerTest {

    @Test
    void the_server_is_postgres_17() throws SQLException {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start()) {
            assertTrue(query(postgres, "select version()").startsWith("PostgreSQL 17."));
        }
    }

    @Test
    void the_reactive_url_names_the_same_database_as_the_jdbc_url() {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start()) {
            assertEquals(postgres.jdbcUrl(), "jdbc:" + postgres.reactiveUrl());
            assertTrue(postgres.reactiveUrl().startsWith("postgresql://127.0.0.1:"));
        }
    }

    @Test
    void a_server_on_a_data_directory_keeps_its_data_across_restarts(@TempDir Path dataDirectory) throws SQLException {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDirectory)) {
            update(postgres, "create table kept (name text)");
            update(postgres, "insert into kept values ('digest')");
        }
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDirectory)) {
            assertEquals("digest", query(postgres, "select name from kept"));
        }
    }

    private static void update(PostgresServer postgres, String sql) throws SQLException {
        try (Connection connection = connect(postgres);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static String query(PostgresServer postgres, String sql) throws SQLException {
        try (Connection connection = connect(postgres);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Connection connect(PostgresServer postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }
}
