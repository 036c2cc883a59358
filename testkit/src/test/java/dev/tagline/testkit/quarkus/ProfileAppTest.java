package dev.tagline.testkit.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tagline.testkit.KafkaCluster;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Checks, from inside a Quarkus app, that the test resources gave it the JVM-wide Kafka and Postgres; each subclass
 * runs its own app under its own test profile, so in its own class loaders.
 */
abstract class ProfileAppTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String postgres;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void the_app_gets_the_same_kafka_cluster_as_every_other_app() {
        assertSameAsEveryOtherApp("kafka", kafka);
        KafkaCluster.shared().createTopic(getClass().getSimpleName(), 1);
    }

    @Test
    void the_app_gets_the_same_postgres_server_as_every_other_app() throws SQLException {
        assertSameAsEveryOtherApp("postgres", postgres);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(postgres);
        try (Connection connection = dataSource.getConnection(username, password);
                Statement statement = connection.createStatement()) {
            statement.execute("select 1");
        }
    }

    // System properties are the one map that the class loaders of all Quarkus apps in a JVM share.
    private static void assertSameAsEveryOtherApp(String name, String value) {
        Object first = System.getProperties().putIfAbsent("tagline.testkit.test.first." + name, value);
        assertEquals(first == null ? value : first, value);
    }
}
