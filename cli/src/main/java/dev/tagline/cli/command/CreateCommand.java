package dev.tagline.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.cli.CliException;
import dev.tagline.cli.Session;
import dev.tagline.cli.api.Answer;
import dev.tagline.cli.api.Api;
import dev.tagline.cli.api.ApiClient;
import dev.tagline.cli.api.Json;
import dev.tagline.cli.api.PathSegment;
import dev.tagline.cli.names.StreamTagName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tagline create trigger|imagepolicy}: a build or deploy trigger that follows an image stream tag, or a
 * signature policy for the namespace's streams.
 */
@Command(
        name = "create",
        description = "Create a trigger or an image policy.",
        synopsisSubcommandLabel = "trigger|imagepolicy",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tagline create trigger web --kind deploy --from app:prod --param deployment=web",
            "  tagline create imagepolicy signed --stream app --key cosign.pub"
        },
        subcommands = {CreateCommand.Trigger.class, CreateCommand.ImagePolicy.class})
public final class CreateCommand {

    private static final int CREATED = 201;

    /** {@code create imagepolicy NAME}: needs the admin role. */
    @Command(
            name = "imagepolicy",
            description = {
                "Only images signed with one of the keys (cosign sign --key) move "
                        + "the tags of the streams named, or of every stream of the namespace; needs admin.",
                "Creating a policy that exists replaces it."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  tagline create imagepolicy signed --all-streams --key cosign.pub",
                "  tagline create imagepolicy release --stream app --stream web --key team-a.pub --key team-b.pub"
            })
    static final class ImagePolicy implements Callable<Integer> {
        private final Session session;

        @Mixin
        NamespaceOption namespace;

        @Parameters(paramLabel = "NAME", description = "the policy's name")
        String name;

        @ArgGroup(multiplicity = "1")
        Streams streams;

        @Option(
                names = "--key",
                required = true,
                paramLabel = "FILE",
                description = "a PEM public key file (ECDSA P-256, Ed25519 or RSA), e.g. cosign.pub; repeat for more")
        List<Path> keys;

        /** One of: the streams named, or every stream of the namespace. */
        static final class Streams {
            @Option(
                    names = "--stream",
                    paramLabel = "STREAM",
                    description = "an image stream the policy covers; repeat for more")
            List<String> named;

            @Option(names = "--all-streams", description = "cover every image stream of the namespace")
            boolean all;
        }

        ImagePolicy(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            ApiClient api = session.api(namespace.value());
            ObjectNode request = Json.object();
            ArrayNode streamNames = request.putArray("streams");
            (streams.all ? List.of("*") : streams.named).forEach(streamNames::add);
            ArrayNode publicKeys = request.putArray("publicKeys");
            keys.forEach(file -> publicKeys.add(read(file)));
            Answer answer = api.put(Api.TAGS, api.namespace(), "/imagepolicies/" + PathSegment.of(name), request);
            session.out().println("imagepolicy/" + name + (answer.status() == CREATED ? " created" : " replaced"));
            session.out().flush();
            return 0;
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new CliException("cannot read the key file " + file + ": " + e.getMessage());
            }
        }
    }

    /** {@code create trigger NAME}. */
    @Command(
            name = "trigger",
            description = {
                "A trigger fires a build or deploy action (on trigger-actions, and "
                        + "signed to its webhook if it has one) each time the tag it follows moves to another image.",
                "--param values are text, or JSON when they start with [ or {."
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  tagline create trigger web --kind deploy --from app:prod --param deployment=web \\",
                "      --param 'containers=[\"app\"]' --webhook https://deploy.example.com/hooks/tagline --generate-secret",
                "  tagline create trigger nightly --kind build --from team-a/base:latest --paused"
            })
    static final class Trigger implements Callable<Integer> {
        private static final int SECRET_BYTES = 32;

        private final Session session;

        @Mixin
        NamespaceOption namespace;

        @Parameters(paramLabel = "NAME", description = "the trigger's name")
        String name;

        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "build or deploy")
        Kind kind;

        @Option(
                names = "--from",
                required = true,
                paramLabel = "STREAM:TAG",
                description = "the tag to follow, NAMESPACE/ in front for another namespace")
        StreamTagName from;

        @Option(
                names = {"-p", "--param"},
                paramLabel = "KEY=VALUE",
                description = "passed to every action")
        Map<String, String> params = new LinkedHashMap<>();

        @Option(names = "--paused", description = "create it paused: it fires nothing until resumed")
        boolean paused;

        @ArgGroup(exclusive = false)
        Webhook webhook;

        /** The action kinds the trigger-service knows. */
        enum Kind {
            build,
            deploy
        }

        /** Where actions are also POSTed, signed with a secret given or generated. */
        static final class Webhook {
            @Option(
                    names = "--webhook",
                    required = true,
                    paramLabel = "URL",
                    description = "POST each action here too, signed")
            String url;

            @ArgGroup(multiplicity = "1")
            Secret secret;
        }

        /** One of: a secret given, or one generated and printed once. */
        static final class Secret {
            @Option(names = "--secret", paramLabel = "SECRET", description = "the signing secret, whsec_<base64>")
            String value;

            @Option(names = "--generate-secret", description = "generate a signing secret and print it once")
            boolean generate;
        }

        Trigger(Session session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            ApiClient api = session.api(namespace.value());
            String current = api.namespace();
            ObjectNode request = Json.object().put("name", name).put("kind", kind.name());
            request.putObject("from")
                    .put("kind", "ImageStreamTag")
                    .put("namespace", from.namespaceOr(current))
                    .put("name", from.streamTag());
            ObjectNode paramsNode = request.putObject("params");
            params.forEach((key, value) -> paramsNode.set(key, paramValue(value)));
            request.put("paused", paused);
            String generatedSecret = null;
            if (webhook != null) {
                String secret = webhook.secret.generate ? generatedSecret = newSecret() : webhook.secret.value;
                request.putObject("webhook").put("url", webhook.url).put("secret", secret);
            }
            api.post(Api.TRIGGERS, current, "/triggers", request);
            session.out().println("trigger/" + name + " created");
            if (generatedSecret != null) {
                // The receiver needs it to check signatures, and the API never shows it again.
                session.out().println("Webhook secret (shown once, give it to the receiver): " + generatedSecret);
            }
            session.out().flush();
            return 0;
        }

        private static JsonNode paramValue(String value) {
            String trimmed = value.strip();
            if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
                return Json.read(trimmed);
            }
            return Json.object().textNode(value);
        }

        private static String newSecret() {
            byte[] random = new byte[SECRET_BYTES];
            new SecureRandom().nextBytes(random);
            return "whsec_" + Base64.getEncoder().encodeToString(random);
        }
    }
}
