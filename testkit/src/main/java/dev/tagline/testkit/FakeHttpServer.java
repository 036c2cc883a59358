package dev.tagline.testkit;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * The JDK's HTTP server on 127.0.0.1 and a port the operating system picks, for tests that play a remote party
 * (a registry, a token service) without a container. Binding port 0 rather than asking {@link FreePorts} first
 * leaves no window in which another process could take the port.
 */
public final class FakeHttpServer implements AutoCloseable {

    private final HttpServer server;

    private FakeHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Starts answering each path prefix with its handler. */
    public static FakeHttpServer start(Map<String, HttpHandler> handlersByPath) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            handlersByPath.forEach(server::createContext);
            server.start();
            return new FakeHttpServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:<port>}, as a registry host in an image reference. */
    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
