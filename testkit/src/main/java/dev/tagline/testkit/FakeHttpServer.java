package dev.tagline.testkit;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's HTTP server on 127.0.0.1 and a port the operating system picks, for tests that play a remote party
 * (a registry, a token service, a webhook subscriber) without a container. Binding port 0 rather than asking
 * {@link FreePorts} first leaves no window in which another process could take the port.
 */
public final class FakeHttpServer implements AutoCloseable {

    private final HttpServer server;
    /** Null when the JDK's own dispatcher thread answers, one request at a time. */
    private final ExecutorService handlers;

    private FakeHttpServer(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    /** Starts answering each path prefix with its handler, one request at a time. */
    public static FakeHttpServer start(Map<String, HttpHandler> handlersByPath) {
        return start(handlersByPath, null);
    }

    /**
     * Starts answering each path prefix with its handler, up to {@code handlerThreads} requests at once: for a
     * party that holds some requests unanswered while it answers others.
     */
    public static FakeHttpServer start(Map<String, HttpHandler> handlersByPath, int handlerThreads) {
        return start(handlersByPath, Executors.newFixedThreadPool(handlerThreads));
    }

    private static FakeHttpServer start(Map<String, HttpHandler> handlersByPath, ExecutorService handlers) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            handlersByPath.forEach(server::createContext);
            server.setExecutor(handlers);
            server.start();
            return new FakeHttpServer(server, handlers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 127.0.0.1:<port>}, as a registry host in an image reference or the authority of a URL. */
    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        if (handlers != null) {
            handlers.shutdownNow();
        }
    }
}
