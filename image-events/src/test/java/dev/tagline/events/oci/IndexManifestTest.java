package dev.tagline.events.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagline.events.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The platforms of indexes in the shapes registries serve: BuildKit's, Docker's manifest lists, OCI artifacts. */
class IndexManifestTest {

    @Test
    void buildx_attestation_manifests_are_not_platforms() throws IOException {
        assertThat(IndexManifest.platforms(fixture("buildx-with-attestations.json")))
                .containsExactly(
                        new Platform(
                                "sha256:d4f9d2c82c74e4cdacf8c182c54c78e9005b4fb13329666fa89bbf38ee3d927e",
                                "linux",
                                "amd64",
                                null),
                        new Platform(
                                "sha256:d61719eac87fbdf3adf744e11c7ed44e2a40bbb5a549c3f9e18ee10d36371a90",
                                "linux",
                                "arm64",
                                null));
    }

    @Test
    void every_child_of_a_docker_manifest_list_is_a_platform_with_its_variant() throws IOException {
        assertThat(IndexManifest.platforms(fixture("docker-manifest-list.json")))
                .extracting(platform -> platform.os() + "/" + platform.architecture()
                        + (platform.variant() == null ? "" : "/" + platform.variant()))
                .containsExactly("linux/amd64", "linux/arm/v7", "linux/arm64/v8", "windows/amd64");
    }

    @Test
    void artifacts_without_a_platform_and_unknown_platforms_are_left_out() throws IOException {
        assertThat(IndexManifest.platforms(fixture("oci-index-with-artifacts.json")))
                .extracting(Platform::architecture)
                .containsExactly("ppc64le", "s390x");
    }

    @Test
    void an_attestation_is_left_out_by_its_annotation_whatever_platform_it_names() {
        String index = """
                {"schemaVersion":2,"manifests":[
                 {"digest":"sha256:%s","platform":{"os":"linux","architecture":"amd64"},
                  "annotations":{"vnd.docker.reference.type":"attestation-manifest"}}]}""".formatted("1".repeat(64));
        assertThat(IndexManifest.platforms(index.getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[]",
                "{\"schemaVersion\":2}",
                "{\"manifests\":[{\"digest\":\"md5:abc\",\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}}]}"
            })
    void bytes_that_are_no_readable_index_are_refused(String index) {
        assertThatThrownBy(() -> IndexManifest.platforms(index.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidIndexException.class);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = IndexManifestTest.class.getResourceAsStream("/indexes/" + name)) {
            return in.readAllBytes();
        }
    }
}
