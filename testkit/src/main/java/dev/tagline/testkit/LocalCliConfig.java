package dev.tagline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A config file for the {@code tagline} command line (the format {@code tagline login} writes: YAML with named
 * contexts) whose one context, {@code local}, points at the local stack's services with its cluster-admin token and
 * works in {@code team-a}, the walkthrough's namespace. Written anew on every start, readable by its owner only.
 */
public final class LocalCliConfig {

    public static final String FILE_NAME = "tagline.config";
    private static final String NAMESPACE = "team-a";

    private LocalCliConfig() {}

    /** Writes {@code <directory>/tagline.config} for {@code stack}, replacing the one there. */
    public static Path write(TaglineStack stack, Path stateDirectory) {
        String config = "current-context: local\n"
                + "contexts:\n"
                + "- name: local\n"
                + "  server: " + stack.url(TaglineStack.Service.TAG_SERVICE) + "\n"
                + "  import-server: " + stack.url(TaglineStack.Service.IMPORT_SERVICE) + "\n"
                + "  trigger-server: " + stack.url(TaglineStack.Service.TRIGGER_SERVICE) + "\n"
                + "  token: " + stack.adminToken() + "\n"
                + "  namespace: " + NAMESPACE + "\n";
        Path file = stateDirectory.resolve(FILE_NAME);
        try {
            Files.createDirectories(stateDirectory);
            // Owner-only from the moment it exists, then moved over the previous one.
            Path temporary = Files.createTempFile(
                    stateDirectory,
                    FILE_NAME,
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, config);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
