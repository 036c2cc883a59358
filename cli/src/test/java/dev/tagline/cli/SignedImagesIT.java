package dev.tagline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagline.testkit.CosignSignatures;
import dev.tagline.testkit.OciImages;
import dev.tagline.testkit.Skopeo;
import dev.tagline.testkit.TaglineStack.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 17's story end to end, with the built {@code tagline}: an image policy on a stream, a deploy trigger on its
 * tag, images pushed to the real Distribution registry with skopeo and their cosign signatures pushed after them
 * (ECDSA P-256, cosign's {@code sha256-<hex>.sig} layout). The registry's own push notifications reach the packaged
 * webhook-gateway; the tag-service asks the import-service, which reads the signatures from the registry. The steps
 * build on each other, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignedImagesIT {

    private static final Duration MOVE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CliStack stack;
    private static TaglineProcess tagline;
    private static KeyPair signer;
    private static Path publicKeyFile;
    private static OciImages.LayoutImage signedLater;
    private static OciImages.LayoutImage signedByAnother;
    private static OciImages.LayoutImage unsignedElsewhere;

    @BeforeAll
    static void startTheStack() throws IOException {
        stack = CliStack.shared();
        Path directory = stack.directory("signed-images");
        tagline = new TaglineProcess(directory.resolve("config"), Map.of(), List.of(stack.adminToken()));
        tagline.ok(
                "login",
                "--server",
                stack.url(Service.TAG_SERVICE),
                "--trigger-server",
                stack.url(Service.TRIGGER_SERVICE),
                "--token",
                stack.adminToken(),
                "-n",
                "team-s");
        signer = CosignSignatures.ecdsaP256();
        publicKeyFile =
                Files.writeString(directory.resolve("cosign.pub"), CosignSignatures.publicKeyPem(signer.getPublic()));
        signedLater = OciImages.image(directory.resolve("image-1"), OciImages.Platform.LINUX_AMD64, "signed-1");
        signedByAnother = OciImages.image(directory.resolve("image-2"), OciImages.Platform.LINUX_AMD64, "signed-2");
        unsignedElsewhere = OciImages.image(directory.resolve("image-3"), OciImages.Platform.LINUX_AMD64, "signed-3");
    }

    @Test
    @Order(1)
    void an_image_policy_is_created_listed_and_replaced() {
        assertThat(tagline.ok("create", "imagepolicy", "signed", "--stream", "app", "--key", publicKeyFile.toString())
                        .out())
                .isEqualTo("imagepolicy/signed created\n");
        assertThat(tagline.ok("create", "imagepolicy", "signed", "--stream", "app", "--key", publicKeyFile.toString())
                        .out())
                .isEqualTo("imagepolicy/signed replaced\n");

        assertThat(tagline.ok("get", "imagepolicies", "-o", "wide").lines())
                .satisfiesExactly(
                        header -> assertThat(header).matches("NAME +STREAMS +KEYS +FINGERPRINTS"),
                        row -> assertThat(row)
                                .matches("signed +app +1 +" + CosignSignatures.fingerprint(signer.getPublic())));
        tagline.ok(
                "create",
                "trigger",
                "web",
                "--kind",
                "deploy",
                "--from",
                "app:prod",
                "--param",
                "deployment=web",
                "--webhook",
                stack.receiver().url("/signed"),
                "--generate-secret");
    }

    @Test
    @Order(2)
    void an_unsigned_image_does_not_move_the_tag_and_says_why() {
        tagline.ok("tag", appProd(), "app:prod");
        Skopeo.push(signedLater, appProd());

        await().atMost(MOVE)
                .untilAsserted(() -> assertThat(newestItem("app:prod")
                                .at("/verification/verdict")
                                .asText())
                        .isEqualTo("Unsigned"));
        JsonNode tag = json("get", "istag", "app:prod", "-o", "json");
        assertThat(tag.path("image").isMissingNode() || tag.path("image").isNull())
                .isTrue();
        assertThat(conditions(tag)).anySatisfy(condition -> {
            assertThat(condition.path("type").asText()).isEqualTo("Verified");
            assertThat(condition.path("status").asText()).isEqualTo("False");
            assertThat(condition.path("reason").asText()).isEqualTo("Unsigned");
        });
        assertThat(deliveries()).isEmpty();
    }

    @Test
    @Order(3)
    void a_signature_pushed_after_its_image_moves_the_tag_and_fires_the_trigger() {
        CosignSignatures.push(
                stack.registry(),
                "team-s/app",
                signedLater.digest(),
                List.of(CosignSignatures.signed(signer, repository(), signedLater.digest())));

        await().atMost(MOVE)
                .untilAsserted(() -> assertThat(json("get", "istag", "app:prod", "-o", "json")
                                .at("/image/digest")
                                .asText())
                        .isEqualTo(signedLater.digest()));
        await().atMost(MOVE)
                .untilAsserted(() -> assertThat(deliveries())
                        .extracting(d -> d.path("digest").asText())
                        .containsExactly(signedLater.digest()));
        String shortKey = CosignSignatures.fingerprint(signer.getPublic()).substring(0, "sha256:".length() + 12);
        assertThat(tagline.ok("history", "app:prod", "-o", "wide").lines().get(1))
                .contains(signedLater.digest())
                .endsWith("Verified (" + shortKey + ")");
    }

    @Test
    @Order(4)
    void an_image_signed_by_another_key_is_refused_and_the_tag_stays() {
        Skopeo.push(signedByAnother, appProd());
        CosignSignatures.push(
                stack.registry(),
                "team-s/app",
                signedByAnother.digest(),
                List.of(CosignSignatures.signed(CosignSignatures.ecdsaP256(), repository(), signedByAnother.digest())));

        await().atMost(MOVE)
                .untilAsserted(() -> assertThat(newestItem("app:prod")
                                .at("/verification/verdict")
                                .asText())
                        .isEqualTo("UntrustedKey"));
        assertThat(json("get", "istag", "app:prod", "-o", "json")
                        .at("/image/digest")
                        .asText())
                .isEqualTo(signedLater.digest());
        assertThat(deliveries()).hasSize(1);
    }

    @Test
    @Order(5)
    void a_stream_under_no_policy_moves_without_a_signature() {
        String elsewhere = stack.registry().host() + "/team-s/tools:v1";
        tagline.ok("tag", elsewhere, "tools:v1");
        Skopeo.push(unsignedElsewhere, elsewhere);

        await().atMost(MOVE)
                .untilAsserted(() -> assertThat(json("get", "istag", "tools:v1", "-o", "json")
                                .at("/image/digest")
                                .asText())
                        .isEqualTo(unsignedElsewhere.digest()));
        assertThat(newestItem("tools:v1").path("verification").isMissingNode()
                        || newestItem("tools:v1").path("verification").isNull())
                .isTrue();
    }

    @Test
    @Order(6)
    void deleting_the_policy_leaves_none() {
        assertThat(tagline.ok("delete", "imagepolicy", "signed").out()).isEqualTo("imagepolicy/signed deleted\n");
        assertThat(tagline.ok("get", "imagepolicies", "-o", "name").out()).isEmpty();
        tagline.ok("delete", "trigger", "web");
    }

    private static JsonNode newestItem(String tag) {
        return json("history", tag, "--limit", "1", "-o", "json").at("/history/0");
    }

    private static List<JsonNode> conditions(JsonNode tag) {
        List<JsonNode> conditions = new ArrayList<>();
        tag.path("conditions").forEach(conditions::add);
        return conditions;
    }

    private static List<JsonNode> deliveries() {
        List<JsonNode> deliveries = new ArrayList<>();
        json("get", "deliveries", "web", "-o", "json").forEach(deliveries::add);
        return deliveries;
    }

    private static JsonNode json(String... arguments) {
        try {
            return JSON.readTree(tagline.ok(arguments).out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String appProd() {
        return repository() + ":prod";
    }

    private static String repository() {
        return stack.registry().host() + "/team-s/app";
    }
}
