package dev.tagline.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 written by hand on a socket, for what an HTTP client will not send: a Content-Length the body does not
 * have, or a body the server should refuse before reading it.
 */
public final class RawHttp {

    private RawHttp() {}

    /**
     * Sends {@code head} (request line and headers, ending in an empty line) and {@code body} to
     * 127.0.0.1:{@code port}, and reads one response without waiting for the connection to close.
     *
     * @return the response's status line and headers, an empty line and its body
     */
    public static String exchange(int port, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer and close before it has read everything; the answer is what counts.
            }
            return readResponse(socket.getInputStream());
        }
    }

    /** Reads one response by its Content-Length. */
    private static String readResponse(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder response = new StringBuilder();
        int length = 0;
        for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
            response.append(line).append("\n");
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(
                        line.substring("content-length:".length()).trim());
            }
        }
        char[] content = new char[length];
        int read = 0;
        while (read < length) {
            int n = reader.read(content, read, length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return response.append("\n").append(content, 0, read).toString();
    }
}
