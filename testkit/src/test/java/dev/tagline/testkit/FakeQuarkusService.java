package dev.tagline.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Stands in for a packaged Quarkus service: answers readiness on QUARKUS_HTTP_PORT and tells how it stopped. */
public final class FakeQuarkusService {

    static final String GRACEFUL_STOP = "stopped gracefully";

    private FakeQuarkusService() {}

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/q/health/ready", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(GRACEFUL_STOP)));
        System.out.println("started with GREETING=" + System.getenv("GREETING"));
        System.out.println("started with fake.marker=" + System.getProperty("fake.marker") + " in "
                + System.getProperty("user.dir"));
        server.start();
    }
}
