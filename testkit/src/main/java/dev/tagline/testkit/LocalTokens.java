package dev.tagline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The local stack's secrets: its token file (the format {@code tagline.access.token-file} reads), made once with a
 * random cluster-admin token, kept across runs and editable to add users with namespace roles; and other random
 * secrets kept in files of their own (the registry's token for the gateway).
 */
final class LocalTokens {

    private static final String ADMIN_SUBJECT = "local-admin";

    private LocalTokens() {}

    static Path ensure(Path file) {
        if (!Files.exists(file)) {
            writePrivately(
                    file,
                    "# <token> <subject> <group>,<group>…  groups: <namespace>:view|edit|admin, cluster-admin\n"
                            + randomHex() + " " + ADMIN_SUBJECT + " cluster-admin\n");
        }
        return file;
    }

    /** A random secret kept in {@code file}: made on the first call, the same on every later one, across runs. */
    static String secretIn(Path file) {
        if (!Files.exists(file)) {
            writePrivately(file, randomHex() + "\n");
        }
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** The token of the admin line this class wrote (or the first line naming that subject). */
    static String adminToken(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.map(String::strip)
                    .filter(line -> !line.startsWith("#"))
                    .map(line -> line.split("\\s+"))
                    .filter(fields -> fields.length >= 2 && ADMIN_SUBJECT.equals(fields[1]))
                    .map(fields -> fields[0])
                    .findFirst()
                    .orElse("(none: add a line for " + ADMIN_SUBJECT + " to " + file + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static String randomHex() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    // Readable by its owner only from the moment it exists, not after a chmod that follows the write.
    private static void writePrivately(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
