package dev.tagline.imports;

import dev.tagline.testkit.OciImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** Unique names and freshly built images, so that tests never see each other's data. */
final class TestData {

    private TestData() {}

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A single-platform OCI image no other test has. */
    static OciImages.LayoutImage image() {
        return OciImages.image(
                layoutDir(), OciImages.Platform.LINUX_AMD64, UUID.randomUUID().toString());
    }

    /** A two-platform OCI index no other test has. */
    static OciImages.LayoutImage index() {
        return OciImages.index(
                layoutDir(),
                List.of(OciImages.Platform.LINUX_AMD64, OciImages.Platform.LINUX_ARM64),
                UUID.randomUUID().toString());
    }

    private static Path layoutDir() {
        try {
            Path dir = Files.createTempDirectory("tagline-layout");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
