package dev.tagline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.testkit.LocalCliConfig;
import dev.tagline.testkit.TaglineStack.Service;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the built {@code tagline} says when it cannot do what was asked, and where it takes its settings from: exit
 * status 1 with the API's refusal in plain words, 2 for a usage error, never a stack trace or a token. Runs against
 * the packaged services shared with {@link WalkthroughIT}; each test uses namespaces and config files of its own.
 */
class RefusalsIT {

    private static CliStack stack;
    private static Path directory;

    @BeforeAll
    static void startTheStack() {
        stack = CliStack.shared();
        directory = stack.directory("refusals");
    }

    /** A tagline with a config file of its own, logged in with {@code token} to namespace {@code namespace}. */
    private static TaglineProcess loggedIn(String configName, String token, String namespace) {
        TaglineProcess tagline = fresh(configName);
        tagline.ok(
                "login",
                "--server",
                stack.url(Service.TAG_SERVICE),
                "--import-server",
                stack.url(Service.IMPORT_SERVICE),
                "--trigger-server",
                stack.url(Service.TRIGGER_SERVICE),
                "--token",
                token,
                "-n",
                namespace);
        return tagline;
    }

    private static TaglineProcess fresh(String configName) {
        return new TaglineProcess(
                directory.resolve(configName), Map.of(), List.of(stack.adminToken(), CliStack.VIEWER_TOKEN));
    }

    @Test
    void an_unknown_source_tag_is_refused_with_the_api_error_and_field() {
        TaglineProcess tagline = loggedIn("unknown-source", stack.adminToken(), "team-r1");

        TaglineProcess.Result refused = tagline.run("tag", "app:nosuch", "app:copy");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("error: ").contains("app:nosuch").endsWith("(from.name)\n");
        assertThat(refused.out()).isEmpty();
    }

    @Test
    void a_bad_destination_name_is_refused_naming_the_field() {
        TaglineProcess tagline = loggedIn("bad-name", stack.adminToken(), "team-r2");

        TaglineProcess.Result refused = tagline.run("tag", "quay.io/org/app:v1", "Bad_Stream:v1");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("error: ").endsWith("(to[0])\n");
    }

    @Test
    void reading_an_unknown_tag_says_it_is_not_found() {
        TaglineProcess tagline = loggedIn("unknown-tag", stack.adminToken(), "team-r3");
        tagline.ok("tag", "quay.io/org/app:v1", "app:v1");

        TaglineProcess.Result refused = tagline.run("get", "istag", "app:nosuch");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .startsWith("error: ")
                .contains("app:nosuch")
                .contains("not found")
                .endsWith("(tag)\n");
    }

    @Test
    void a_view_only_token_may_read_but_not_change() {
        TaglineProcess tagline = loggedIn("viewer", CliStack.VIEWER_TOKEN, CliStack.VIEWED_NAMESPACE);

        assertThat(tagline.run("get", "is").exitCode()).isZero();
        TaglineProcess.Result change = tagline.run("tag", "quay.io/org/app:v1", "viewer-app:v1");
        assertThat(change.exitCode()).isEqualTo(1);
        assertThat(change.err()).isEqualTo("error: you may view but not change " + CliStack.VIEWED_NAMESPACE + "\n");
        TaglineProcess.Result elsewhere = tagline.run("get", "is", "-n", "team-unseen");
        assertThat(elsewhere.exitCode()).isEqualTo(1);
        assertThat(elsewhere.err())
                .isEqualTo("error: namespace team-unseen does not exist, or you have no role in it\n");
    }

    @Test
    void without_a_token_or_with_an_unknown_one_it_says_not_logged_in() {
        TaglineProcess noConfig =
                fresh("never-written").withEnvironment(Map.of("TAGLINE_SERVER", stack.url(Service.TAG_SERVICE)));

        TaglineProcess.Result noToken = noConfig.run("get", "is", "-n", "team-a");
        assertThat(noToken.exitCode()).isEqualTo(1);
        assertThat(noToken.err()).startsWith("error: not logged in: no token");

        TaglineProcess.Result unknownToken = noConfig.withEnvironment(
                        Map.of("TAGLINE_TOKEN", "not-a-token-anyone-issued"))
                .run("get", "is", "-n", "team-a");
        assertThat(unknownToken.exitCode()).isEqualTo(1);
        assertThat(unknownToken.err()).startsWith("error: not logged in: the server does not accept this token");
    }

    @Test
    void usage_errors_exit_with_status_2() {
        TaglineProcess tagline = loggedIn("usage", stack.adminToken(), "team-r4");

        assertThat(tagline.run("rollback", "app:prod").exitCode()).isEqualTo(2);
        assertThat(tagline.run("rollback", "app:prod", "--to-image", "sha256:00", "--to-generation", "1")
                        .exitCode())
                .isEqualTo(2);
        assertThat(tagline.run("get", "istag", "no-colon").exitCode()).isEqualTo(2);
        assertThat(tagline.run("tag", "app:prod").exitCode()).isEqualTo(2);
        assertThat(tagline.run("login", "--server", "tagline.example.com", "--token", "t")
                        .exitCode())
                .isEqualTo(2);
        TaglineProcess.Result unknown = tagline.run("frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void the_environment_overrides_the_config_file_and_n_overrides_both() {
        TaglineProcess tagline = fresh("environment");
        // The file's server and token lead nowhere; the environment's are the stack's.
        tagline.ok(
                "login",
                "--server",
                "http://127.0.0.1:9",
                "--token",
                "a-token-the-environment-replaces",
                "-n",
                "team-file");
        TaglineProcess fromEnvironment = tagline.withEnvironment(Map.of(
                "TAGLINE_SERVER", stack.url(Service.TAG_SERVICE),
                "TAGLINE_TRIGGER_SERVER", stack.url(Service.TRIGGER_SERVICE),
                "TAGLINE_TOKEN", stack.adminToken(),
                "TAGLINE_NAMESPACE", "team-env"));

        fromEnvironment.ok("tag", "quay.io/org/app:v1", "env-app:v1");

        assertThat(fromEnvironment.ok("get", "is", "-o", "name").out()).isEqualTo("imagestream/env-app\n");
        assertThat(fromEnvironment
                        .ok("get", "is", "-n", "team-env-other", "-o", "name")
                        .out())
                .isEmpty();
        assertThat(fromEnvironment.ok("get", "triggers", "-o", "json").out().strip())
                .isEqualTo("[]");
    }

    @Test
    void the_config_the_local_stack_writes_works_as_it_is() {
        Path config = LocalCliConfig.write(stack.stack(), directory.resolve("local-stack"));
        TaglineProcess tagline = new TaglineProcess(config, Map.of(), List.of(stack.adminToken()));

        assertThat(tagline.ok("config", "current-context").out()).isEqualTo("local\n");
        assertThat(tagline.ok("project").out()).isEqualTo("Using namespace \"team-a\" on context \"local\".\n");
        assertThat(tagline.run("get", "is").exitCode()).isZero();
    }

    @Test
    void contexts_are_listed_switched_and_carry_a_namespace() {
        TaglineProcess tagline = loggedIn("contexts", stack.adminToken(), "team-r5");
        tagline.ok(
                "login",
                "--server",
                stack.url(Service.TAG_SERVICE),
                "--token",
                stack.adminToken(),
                "--context",
                "second");

        assertThat(tagline.ok("config", "current-context").out()).isEqualTo("second\n");
        assertThat(tagline.ok("config", "get-contexts").lines())
                .hasSize(3)
                .anyMatch(line -> line.matches("\\* +second .*"));
        String first = "127.0.0.1:"
                + stack.url(Service.TAG_SERVICE)
                        .substring(stack.url(Service.TAG_SERVICE).lastIndexOf(':') + 1);
        assertThat(tagline.ok("config", "use-context", first).out())
                .isEqualTo("Switched to context \"" + first + "\".\n");
        assertThat(tagline.ok("project").out())
                .isEqualTo("Using namespace \"team-r5\" on context \"" + first + "\".\n");
        assertThat(tagline.ok("project", "team-r6").out())
                .isEqualTo("Now using namespace \"team-r6\" on context \"" + first + "\".\n");
        assertThat(tagline.ok("project").out()).contains("\"team-r6\"");

        TaglineProcess.Result nosuch = tagline.run("config", "use-context", "nosuch");
        assertThat(nosuch.exitCode()).isEqualTo(1);
        assertThat(nosuch.err()).startsWith("error: no context \"nosuch\"");
    }

    @Test
    void every_command_has_help_with_an_example_that_shows_no_token() {
        TaglineProcess tagline = loggedIn("help", stack.adminToken(), "team-r7");
        for (String command : List.of(
                "login",
                "config",
                "project",
                "get",
                "describe",
                "history",
                "tag",
                "import-image",
                "rollback",
                "release",
                "create",
                "pause",
                "resume",
                "delete",
                "redeliver",
                "impact",
                "completion",
                "version")) {
            assertThat(tagline.ok(command, "--help").out()).as(command).contains("Example");
        }
        assertThat(tagline.ok("create", "trigger", "--help").out()).contains("--generate-secret");
    }

    @Test
    void completion_prints_a_script_for_bash_and_zsh() {
        TaglineProcess tagline = fresh("completion");

        assertThat(tagline.ok("completion", "bash").out()).contains("complete -F");
        assertThat(tagline.ok("completion", "zsh").out())
                .startsWith("autoload -U +X compinit")
                .contains("bashcompinit");
        assertThat(tagline.ok("version").out()).startsWith("tagline 0.1.0");
    }
}
