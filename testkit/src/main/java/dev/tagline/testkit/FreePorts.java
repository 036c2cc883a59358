package dev.tagline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Picks a port nobody listens on, so tests and local stacks running side by side never collide on a fixed
 * port. The port is released before it is returned; the caller binds it right away, which leaves only a tiny
 * window for another process to take it.
 */
public final class FreePorts {

    private FreePorts() {}

    /** A port the operating system reports as free right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
