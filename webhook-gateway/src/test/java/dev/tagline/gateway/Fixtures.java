package dev.tagline.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The format fixtures, with their repository renamed per test so that each test finds only its own events. */
public final class Fixtures {

    private Fixtures() {}

    public static String text(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/formats/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture with every occurrence of {@code repository} replaced by {@code renamed}. */
    public static byte[] renamed(String path, String repository, String renamed) {
        String text = text(path);
        if (!text.contains(repository)) {
            throw new IllegalArgumentException(path + " does not mention " + repository);
        }
        return text.replace(repository, renamed).getBytes(StandardCharsets.UTF_8);
    }

    /** A repository path component no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
