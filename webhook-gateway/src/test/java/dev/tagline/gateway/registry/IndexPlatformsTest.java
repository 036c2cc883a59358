package dev.tagline.gateway.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagline.events.Platform;
import dev.tagline.testkit.OciImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads the platforms of real OCI indexes built on disk, and only when the bytes match their digest; which children
 * are platforms is image-events' {@code IndexManifestTest}'s.
 */
class IndexPlatformsTest {

    @TempDir
    Path layouts;

    @Test
    void every_child_of_an_index_is_a_platform() throws IOException {
        OciImages.LayoutImage index = OciImages.index(
                layouts, List.of(OciImages.Platform.LINUX_AMD64, OciImages.Platform.LINUX_ARM64), "platforms");

        assertThat(IndexPlatforms.parse(blob(index.digest()), index.digest()))
                .containsExactly(
                        new Platform(index.childDigests().get(0), "linux", "amd64", null),
                        new Platform(index.childDigests().get(1), "linux", "arm64", "v8"));
    }

    @Test
    void content_that_does_not_match_its_digest_is_not_believed() throws IOException {
        OciImages.LayoutImage index = OciImages.index(layouts, List.of(OciImages.Platform.LINUX_AMD64), "tampered");

        assertThatThrownBy(() -> IndexPlatforms.parse(blob(index.digest()), "sha256:" + "0".repeat(64)))
                .isInstanceOf(IllegalStateException.class);
    }

    private byte[] blob(String digest) throws IOException {
        return Files.readAllBytes(layouts.resolve("blobs/sha256").resolve(digest.substring("sha256:".length())));
    }
}
