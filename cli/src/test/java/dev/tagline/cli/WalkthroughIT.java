package dev.tagline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tagline.testkit.OciImages;
import dev.tagline.testkit.Skopeo;
import dev.tagline.testkit.TaglineStack.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * The walkthrough's story told with the built {@code tagline} alone (images pushed with skopeo), against the packaged
 * services on real Kafka, Postgres and the Distribution registry, each step checked through the command line's own
 * output in its formats. The steps build on each other, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkthroughIT {

    private static final Duration MOVE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private static CliStack stack;
    private static TaglineProcess tagline;
    private static Path configFile;
    private static OciImages.LayoutImage image1;
    private static OciImages.LayoutImage image2;
    private static OciImages.LayoutImage image3;

    @BeforeAll
    static void startTheStack() {
        stack = CliStack.shared();
        Path directory = stack.directory("walkthrough");
        configFile = directory.resolve("config/tagline");
        tagline = new TaglineProcess(configFile, Map.of(), List.of(stack.adminToken(), CliStack.VIEWER_TOKEN));
        image1 = OciImages.image(directory.resolve("image-1"), OciImages.Platform.LINUX_AMD64, "walkthrough-1");
        image2 = OciImages.image(directory.resolve("image-2"), OciImages.Platform.LINUX_AMD64, "walkthrough-2");
        image3 = OciImages.image(directory.resolve("image-3"), OciImages.Platform.LINUX_AMD64, "walkthrough-3");
    }

    @Test
    @Order(1)
    void login_writes_a_context_readable_by_its_owner_only() throws IOException {
        TaglineProcess.Result login = tagline.ok(
                "login",
                "--server",
                stack.url(Service.TAG_SERVICE),
                "--import-server",
                stack.url(Service.IMPORT_SERVICE),
                "--trigger-server",
                stack.url(Service.TRIGGER_SERVICE),
                "--token",
                stack.adminToken(),
                "--context",
                "stack",
                "-n",
                "team-a");

        assertThat(login.out())
                .contains("Logged in to " + stack.url(Service.TAG_SERVICE) + " as context \"stack\"")
                .contains("Using namespace \"team-a\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configFile)))
                .isEqualTo("rw-------");
        assertThat(tagline.ok("config", "get-contexts").lines())
                .containsExactly(
                        "CURRENT   NAME    SERVER"
                                + " ".repeat(stack.url(Service.TAG_SERVICE).length() - 6) + "   NAMESPACE",
                        "*         stack   " + stack.url(Service.TAG_SERVICE) + "   team-a");
    }

    @Test
    @Order(2)
    void tagging_a_registry_image_creates_the_stream_that_get_lists_in_every_format() throws IOException {
        TaglineProcess.Result tagged = tagline.ok("tag", appProd(), "app:prod");

        assertThat(tagged.out()).isEqualTo("Tag app:prod set to " + appProd() + ".\n");
        List<String> table = tagline.ok("get", "is").lines();
        assertThat(table.get(0)).matches("NAME +IMAGE REPOSITORY +TAGS +UPDATED");
        assertThat(table.get(1)).matches("app +" + repository().replace(".", "\\.") + " +prod +<none>");
        assertThat(tagline.ok("get", "is", "-o", "name").out()).isEqualTo("imagestream/app\n");
        JsonNode json = JSON.readTree(tagline.ok("get", "is", "-o", "json").out());
        assertThat(json.get(0).path("name").asText()).isEqualTo("app");
        assertThat(json.get(0).at("/spec/tags/0/from/name").asText()).isEqualTo(appProd());
        assertThat(YAML.readTree(tagline.ok("get", "is", "app", "-o", "yaml").out()))
                .isEqualTo(json.get(0));
        assertThat(tagline.ok("get", "is", "-o", "wide").lines().get(0)).matches(".*UPDATED +GENERATION +CREATED");
    }

    @Test
    @Order(3)
    void a_deploy_trigger_with_a_generated_secret_follows_the_tag() throws IOException {
        TaglineProcess.Result created = tagline.ok(
                "create",
                "trigger",
                "web",
                "--kind",
                "deploy",
                "--from",
                "app:prod",
                "--param",
                "deployment=web",
                "--param",
                "containers=[\"app\"]",
                "--webhook",
                stack.receiver().url("/deploy"),
                "--generate-secret");

        assertThat(created.lines()).first().isEqualTo("trigger/web created");
        assertThat(created.lines().get(1))
                .matches("Webhook secret \\(shown once, give it to the receiver\\): whsec_.{44}");
        assertThat(tagline.ok("get", "triggers").lines())
                .satisfiesExactly(
                        header -> assertThat(header).matches("NAME +KIND +FROM +PAUSED +WEBHOOK +LAST IMAGE"),
                        row -> assertThat(row)
                                .matches("web +deploy +app:prod +false +"
                                        + stack.receiver().url("/deploy") + " +<none>"));
        String json = tagline.ok("get", "trigger", "web", "-o", "json").out();
        assertThat(JSON.readTree(json).at("/params/containers/0").asText()).isEqualTo("app");
        assertThat(json).doesNotContain("whsec_");
    }

    @Test
    @Order(4)
    void a_push_moves_the_tag_and_the_trigger_delivers_it() throws IOException {
        Skopeo.push(image1, appProd());

        awaitTag("app:prod", image1);
        await().atMost(MOVE).untilAsserted(() -> assertThat(deliveries()).hasSize(1));
        assertThat(deliveries().get(0).path("digest").asText()).isEqualTo(image1.digest());
        List<String> history = tagline.ok("history", "app:prod").lines();
        assertThat(history.get(0)).matches(" +GENERATION +IMAGE +CAUSE +HELD +CREATED");
        assertThat(history.get(1)).matches("\\* +\\d+ +" + shortDigest(image1) + " +push +false +\\d+s");
        assertThat(tagline.ok("get", "istag", "app:prod").lines().get(1))
                .matches("app:prod +" + repository().replace(".", "\\.") + "@" + image1.digest() + " +\\d+s +false");
    }

    @Test
    @Order(5)
    void tagging_across_namespaces_shows_in_describe() throws IOException {
        TaglineProcess.Result tagged = tagline.ok("tag", "app:prod", "team-b/app:v1");

        assertThat(tagged.out()).isEqualTo("Tag team-b/app:v1 set to team-a/app@" + image1.digest() + ".\n");
        String described = tagline.ok("describe", "is", "app", "-n", "team-b").out();
        assertThat(described)
                .contains("Name:         app\nNamespace:    team-b\n")
                .contains("v1\n  tagged from team-a/app@" + image1.digest() + "\n")
                .contains("  * " + repository() + "@" + image1.digest() + "\n      generation 1, tag, ");
        JsonNode v1 = JSON.readTree(
                tagline.ok("get", "istag", "team-b/app:v1", "-o", "json").out());
        assertThat(v1.at("/image/digest").asText()).isEqualTo(image1.digest());
        assertThat(tagline.ok("get", "istag", "-n", "team-b", "-o", "name").out())
                .isEqualTo("imagestreamtag/app:v1\n");
    }

    @Test
    @Order(6)
    void an_alias_follows_its_source_tag_as_it_moves() {
        TaglineProcess.Result aliased = tagline.ok("tag", "--alias", "app:prod", "app:latest");
        assertThat(aliased.out()).startsWith("Tag app:latest set to follow team-a/app:prod");

        Skopeo.push(image2, appProd());

        awaitTag("app:latest", image2);
        List<String> tags = tagline.ok("get", "istag", "-o", "wide").lines();
        assertThat(tags.get(0)).matches("NAME +IMAGE REFERENCE +UPDATED +SOURCE +GENERATION");
        assertThat(tags)
                .anyMatch(line -> line.matches("app:latest +.*@" + image2.digest() + " +\\d+s +app:prod +\\d+"));
        assertThat(tags)
                .anyMatch(line -> line.matches("app:prod +.*@" + image2.digest() + " +\\d+s +"
                        + appProd().replace(".", "\\.") + " +\\d+"));
    }

    @Test
    @Order(7)
    void import_image_resolves_a_registry_tag_once_the_stream_is_confirmed() throws IOException {
        String tools = stack.registry().host() + "/team-a/tools:v1";
        Skopeo.push(image3, tools);

        TaglineProcess.Result unconfirmed = tagline.run("import-image", "tools:v1", "--from", tools, "--insecure");
        assertThat(unconfirmed.exitCode()).isEqualTo(1);
        assertThat(unconfirmed.err())
                .isEqualTo("error: image stream tools does not exist in team-a: pass --confirm to create it\n");

        TaglineProcess.Result imported =
                tagline.ok("import-image", "tools:v1", "--from", tools, "--insecure", "--confirm");
        assertThat(imported.out())
                .isEqualTo("Imported " + tools + " into tools:v1: " + image3.digest() + " (" + OciImages.OCI_MANIFEST
                        + ").\n");
        awaitTag("tools:v1", image3);
        JsonNode spec = JSON.readTree(
                        tagline.ok("get", "istag", "tools:v1", "-o", "json").out())
                .path("tag");
        assertThat(spec.at("/importPolicy/insecure").asBoolean()).isTrue();
    }

    @Test
    @Order(8)
    void a_rollback_with_hold_keeps_the_tag_until_released_and_history_watch_shows_the_held_push() throws Exception {
        long firstGeneration = historyItems("app:prod").stream()
                .filter(item -> item.path("image").asText().equals(image1.digest()))
                .mapToLong(item -> item.path("generation").asLong())
                .min()
                .orElseThrow();

        TaglineProcess.Result rolledBack =
                tagline.ok("rollback", "app:prod", "--to-generation", String.valueOf(firstGeneration), "--hold");
        assertThat(rolledBack.out())
                .matches("Rolled back app:prod to " + image1.digest()
                        + " \\(generation \\d+\\), held until tagline release app:prod\\.\n");

        try (TaglineProcess.Running watch =
                tagline.start("history", "app:prod", "--watch", "--interval", "1", "-o", "json")) {
            // Pushed once the watch has its first answer, so that the held push can only come after it.
            await().atMost(MOVE).until(() -> !watch.output().isEmpty());
            Skopeo.push(image3, appProd());
            await().atMost(MOVE)
                    .untilAsserted(() -> assertThat(historyItems("app:prod"))
                            .anyMatch(item -> item.path("held").asBoolean()
                                    && item.path("image").asText().equals(image3.digest())));
            // The watch prints the held push as one JSON object on a line of its own, after the first answer.
            await().atMost(MOVE)
                    .untilAsserted(() -> assertThat(
                                    watch.output().lines().skip(1).map(WalkthroughIT::readTree))
                            .anyMatch(item -> item.path("held").asBoolean()
                                    && item.path("image").asText().equals(image3.digest())));
        }
        assertThat(tagline.ok("get", "istag", "app:prod").lines().get(1)).endsWith(" true");
        assertThat(tagline.ok("describe", "is", "app").out())
                .contains("  held since ")
                .contains("a release moves it to " + image3.digest() + " (push)")
                .contains("  ! Held=True (RolledBack): ");

        TaglineProcess.Result released = tagline.ok("release", "app:prod");
        assertThat(released.out())
                .matches("Released app:prod: it points at " + image3.digest() + " \\(generation \\d+\\)\\.\n");
        // Push 1, push 2, the rollback to 1 and the release to 3: each a move the trigger delivered.
        await().atMost(MOVE)
                .untilAsserted(() -> assertThat(deliveries())
                        .extracting(delivery -> delivery.path("digest").asText())
                        .containsExactly(image3.digest(), image1.digest(), image2.digest(), image1.digest()));
    }

    @Test
    @Order(9)
    void deliveries_are_listed_and_one_is_redelivered() {
        await().atMost(MOVE)
                .untilAsserted(() -> assertThat(deliveries())
                        .allMatch(delivery -> delivery.path("status").asText().equals("succeeded")));
        List<String> table = tagline.ok("get", "deliveries", "web").lines();
        assertThat(table.get(0)).matches("ID +STATUS +DIGEST +ATTEMPTS +CODE +CREATED");
        assertThat(table.get(1)).matches("\\d+ +succeeded +" + shortDigest(image3) + " +1 +204 +\\d+s");
        List<String> names =
                tagline.ok("get", "deliveries", "web", "-o", "name").lines();
        assertThat(names).hasSize(4).allMatch(name -> name.matches("delivery/\\d+"));
        int receivedBefore = stack.receiver().received();

        String id = names.get(0).substring("delivery/".length());
        assertThat(tagline.ok("redeliver", "web", id).out())
                .isEqualTo("delivery/" + id + " of trigger/web is due again\n");
        await().atMost(MOVE).until(() -> stack.receiver().received() > receivedBefore);
    }

    @Test
    @Order(10)
    void impact_shows_which_triggers_would_fire_and_a_paused_one_would_not() throws IOException {
        assertThat(tagline.ok("impact", "app:prod").lines())
                .satisfiesExactly(
                        header -> assertThat(header).matches("NAMESPACE +NAME +KIND +PAUSED +WOULD FIRE +REASON"),
                        row -> assertThat(row).matches("team-a +web +deploy +false +true +<none>"));

        assertThat(tagline.ok("pause", "trigger", "web").out()).isEqualTo("trigger/web paused\n");
        JsonNode impact =
                JSON.readTree(tagline.ok("impact", "app:prod", "-o", "json").out());
        assertThat(impact.at("/triggers/0/wouldFire").asBoolean()).isFalse();
        assertThat(impact.at("/triggers/0/paused").asBoolean()).isTrue();
        assertThat(tagline.ok("get", "triggers").lines().get(1)).matches("web +deploy +app:prod +true .*");

        assertThat(tagline.ok("resume", "trigger", "web").out()).isEqualTo("trigger/web resumed\n");
        assertThat(JSON.readTree(tagline.ok("get", "trigger", "web", "-o", "json")
                                .out())
                        .path("paused")
                        .asBoolean())
                .isFalse();
    }

    @Test
    @Order(11)
    void a_tag_and_the_trigger_are_deleted() {
        assertThat(tagline.ok("tag", "-d", "app:latest").out()).isEqualTo("Deleted tag app:latest.\n");
        assertThat(tagline.ok("get", "istag", "-o", "name").lines()).doesNotContain("imagestreamtag/app:latest");

        assertThat(tagline.ok("delete", "trigger", "web").out()).isEqualTo("trigger/web deleted\n");
        assertThat(tagline.ok("get", "triggers", "-o", "name").out()).isEmpty();
    }

    private static void awaitTag(String tag, OciImages.LayoutImage image) {
        await().atMost(MOVE)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(JSON.readTree(tagline.ok("get", "istag", tag, "-o", "json")
                                        .out())
                                .at("/image/digest")
                                .asText())
                        .isEqualTo(image.digest()));
    }

    private static List<JsonNode> deliveries() {
        return elements(
                readTree(tagline.ok("get", "deliveries", "web", "-o", "json").out()));
    }

    private static List<JsonNode> historyItems(String tag) {
        return elements(readTree(tagline.ok("history", tag, "-o", "json").out()).path("history"));
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String appProd() {
        return repository() + ":prod";
    }

    private static String repository() {
        return stack.registry().host() + "/team-a/app";
    }

    private static String shortDigest(OciImages.LayoutImage image) {
        return image.digest().substring(0, "sha256:".length() + 12);
    }
}
