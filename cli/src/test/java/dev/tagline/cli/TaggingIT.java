package dev.tagline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.testkit.TaglineStack.Service;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code tagline tag} and {@code tagline rollback} options the walkthrough does not use, without a registry: a
 * {@code --reference} to a digest points a tag at once. Runs against the packaged services shared with
 * {@link WalkthroughIT}, in a namespace of its own.
 */
class TaggingIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIRST = "quay.io/org/app@sha256:" + "a".repeat(64);
    private static final String SECOND = "quay.io/org/app@sha256:" + "b".repeat(64);

    private static TaglineProcess tagline;

    @BeforeAll
    static void logIn() {
        CliStack stack = CliStack.shared();
        tagline =
                new TaglineProcess(stack.directory("tagging").resolve("config"), Map.of(), List.of(stack.adminToken()));
        tagline.ok("login", "--server", stack.url(Service.TAG_SERVICE), "--token", stack.adminToken(), "-n", "team-t");
    }

    @Test
    void a_reference_to_a_digest_points_the_tag_at_once() throws IOException {
        assertThat(tagline.ok("tag", "--reference", FIRST, "ref:v1").out())
                .isEqualTo("Tag ref:v1 set to " + FIRST + ".\n");

        JsonNode tag =
                JSON.readTree(tagline.ok("get", "istag", "ref:v1", "-o", "json").out());
        assertThat(tag.at("/tag/reference").asBoolean()).isTrue();
        assertThat(tag.at("/image/digest").asText()).isEqualTo("sha256:" + "a".repeat(64));
    }

    @Test
    void rolling_back_by_image_points_the_tag_at_it_again() throws IOException {
        tagline.ok("tag", "--reference", FIRST, "back:v1");
        tagline.ok("tag", "--reference", SECOND, "back:v1");

        TaglineProcess.Result rolledBack = tagline.ok("rollback", "back:v1", "--to-image", "sha256:" + "a".repeat(64));

        assertThat(rolledBack.out()).matches("Rolled back back:v1 to sha256:a{64} \\(generation 3\\)\\.\n");
        JsonNode newest = JSON.readTree(tagline.ok("history", "back:v1", "--limit", "1", "-o", "json")
                        .out())
                .at("/history/0");
        assertThat(newest.path("cause").asText()).isEqualTo("rollback");
        assertThat(tagline.ok("history", "back:v1").lines()).hasSize(4);
    }

    @Test
    void import_policies_reach_the_spec_tag_and_describe() throws IOException {
        tagline.ok("tag", "--insecure", "--import-mode", "PreserveOriginal", "quay.io/org/app:v3", "policies:v3");

        JsonNode spec = JSON.readTree(
                        tagline.ok("get", "istag", "policies:v3", "-o", "json").out())
                .path("tag");
        assertThat(spec.at("/importPolicy/insecure").asBoolean()).isTrue();
        assertThat(spec.at("/importPolicy/importMode").asText()).isEqualTo("PreserveOriginal");
        assertThat(tagline.ok("describe", "is", "policies").out())
                .contains("  tagged from quay.io/org/app:v3\n    insecure, import mode PreserveOriginal\n");
    }

    @Test
    void a_local_reference_policy_without_a_pull_through_host_is_refused() {
        TaglineProcess.Result refused =
                tagline.run("tag", "--reference-policy", "local", "quay.io/org/app:v4", "local:v4");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("error: ").endsWith("(referencePolicy)\n");
    }
}
