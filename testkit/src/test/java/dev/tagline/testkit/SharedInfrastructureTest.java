package dev.tagline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Starts the JVM-wide Kafka and Postgres (whichever {@code shared()} picks on this machine) and asks for them
 * from a separate class loader, as a Quarkus app of another test profile does.
 */
class SharedInfrastructureTest {

    @Test
    void every_class_loader_gets_the_same_kafka_cluster() throws Exception {
        String servers = KafkaCluster.shared().bootstrapServers();

        try (URLClassLoader otherApp = isolatedClassLoader()) {
            Class<?> cluster = otherApp.loadClass(KafkaCluster.class.getName());
            Object shared = cluster.getMethod("shared").invoke(null);
            assertEquals(servers, cluster.getMethod("bootstrapServers").invoke(shared));
        }
    }

    @Test
    void every_class_loader_gets_the_same_postgres_server() throws Exception {
        String url = PostgresServer.shared().jdbcUrl();

        try (URLClassLoader otherApp = isolatedClassLoader()) {
            Class<?> server = otherApp.loadClass(PostgresServer.class.getName());
            Object shared = server.getMethod("shared").invoke(null);
            assertEquals(url, server.getMethod("jdbcUrl").invoke(shared));
        }
    }

    @Test
    void stopping_a_test_resource_leaves_the_shared_servers_running() {
        KafkaResource kafka = new KafkaResource();
        PostgresResource postgres = new PostgresResource();
        String servers = kafka.start().get("kafka.bootstrap.servers");
        String url = postgres.start().get("quarkus.datasource.jdbc.url");

        kafka.stop();
        postgres.stop();

        KafkaCluster.shared().createTopic("still-there", 1);
        assertEquals(servers, new KafkaResource().start().get("kafka.bootstrap.servers"));
        assertEquals(url, new PostgresResource().start().get("quarkus.datasource.jdbc.url"));
    }

    private static URLClassLoader isolatedClassLoader() {
        URL[] classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(SharedInfrastructureTest::url)
                .toArray(URL[]::new);
        return new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader());
    }

    private static URL url(String path) {
        try {
            return new File(path).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path, e);
        }
    }
}
