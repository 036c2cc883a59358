package dev.tagline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The local stack's token file (the format {@code tagline.access.token-file} reads): made once with a random
 * cluster-admin token, kept across runs, and editable to add users with namespace roles.
 */
final class LocalTokens {

    private static final String ADMIN_SUBJECT = "local-admin";

    private LocalTokens() {
    }

    static Path ensure(Path file) {
        if (Files.exists(file)) {
            return file;
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String content = "# <token> <subject> <group>,<group>…  groups: <namespace>:view|edit|admin, cluster-admin\n"
                + HexFormat.of().formatHex(random) + " " + ADMIN_SUBJECT + " cluster-admin\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
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
}
