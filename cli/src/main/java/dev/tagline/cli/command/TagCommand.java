package dev.tagline.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.cli.Session;
import dev.tagline.cli.api.Api;
import dev.tagline.cli.api.ApiClient;
import dev.tagline.cli.api.Json;
import dev.tagline.cli.api.PathSegment;
import dev.tagline.cli.names.StreamTagName;
import dev.tagline.cli.names.TagSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tagline tag SOURCE DEST...}, as {@code oc tag}: points tags at an image without re-pushing it. */
@Command(
        name = "tag",
        description = {
            "Point one or more tags at a registry image, at another tag's image (a "
                    + "snapshot, or with --alias a tag that follows it), or at an image of a stream's history; or, with -d, "
                    + "delete tags.",
            "SOURCE is a registry image when it starts with a registry host (or with --source=docker), "
                    + "STREAM@DIGEST an image stream image, [NAMESPACE/]STREAM:TAG an image stream tag. "
                    + "Missing destination streams are created."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tagline tag quay.io/org/app:1.2 app:candidate          # follow a registry tag",
            "  tagline tag app:candidate app:prod team-b/app:v1       # promote, also into team-b",
            "  tagline tag --alias app:prod app:latest                # latest follows prod from now on",
            "  tagline tag app@sha256:0f3e… app:prod                  # an image from the stream's history",
            "  tagline tag -d app:old"
        })
public final class TagCommand implements Callable<Integer> {

    private final Session session;

    @Spec
    CommandSpec spec;

    @Mixin
    NamespaceOption namespace;

    @Parameters(
            arity = "1..*",
            paramLabel = "SOURCE DEST",
            description = "the source, then one or more STREAM:TAG destinations (with -d: the tags to delete)")
    List<String> arguments;

    @Option(
            names = {"-d", "--delete"},
            description = "delete the tags named")
    boolean delete;

    @Option(
            names = "--source",
            paramLabel = "KIND",
            description = "what SOURCE is: docker, istag or isimage (default: told by its shape)")
    TagSource.Kind sourceKind;

    @Option(names = "--alias", description = "follow the source tag as it moves, instead of taking its image now")
    boolean alias;

    @Option(names = "--reference", description = "registry image: record the pointer without importing it")
    boolean reference;

    @Option(names = "--scheduled", description = "registry image: import it periodically")
    boolean scheduled;

    @Option(names = "--insecure", description = "registry image: allow plain HTTP or unverified TLS")
    boolean insecure;

    @Option(
            names = "--reference-policy",
            paramLabel = "POLICY",
            description = "source (default) or local: pull through the pull-through host")
    ReferencePolicy referencePolicy;

    @Option(
            names = "--import-mode",
            paramLabel = "MODE",
            description = "registry image: Legacy (default) or PreserveOriginal")
    ImportMode importMode;

    /** {@code --reference-policy} values, as {@code oc tag} spells them. */
    enum ReferencePolicy {
        source("Source"),
        local("Local");

        final String apiValue;

        ReferencePolicy(String apiValue) {
            this.apiValue = apiValue;
        }
    }

    /** {@code --import-mode} values, as the API spells them. */
    enum ImportMode {
        Legacy,
        PreserveOriginal
    }

    public TagCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ApiClient api = session.api(namespace.value());
        if (delete) {
            arguments.stream().map(this::streamTag).forEach(tag -> deleteTag(api, tag));
            return 0;
        }
        if (arguments.size() < 2) {
            throw new ParameterException(
                    spec.commandLine(), "Name a SOURCE and at least one DEST (or use -d to delete tags)");
        }
        TagSource source = TagSource.parse(arguments.get(0), sourceKind);
        List<StreamTagName> destinations = arguments.subList(1, arguments.size()).stream()
                .map(this::streamTag)
                .toList();
        String current = api.namespace();
        // Sent to the first destination's namespace, where the caller needs edit; the source may be one they only view.
        String requestNamespace = destinations.get(0).namespaceOr(current);
        ObjectNode request = Json.object();
        request.set("from", source.from(current));
        ArrayNode to = request.putArray("to");
        destinations.forEach(destination -> to.add(
                destination.namespaceOr(current).equals(requestNamespace)
                        ? destination.streamTag()
                        : destination.namespaceOr(current) + "/" + destination.streamTag()));
        request.put("alias", alias)
                .put("reference", reference)
                .put("scheduled", scheduled)
                .put("insecure", insecure);
        if (referencePolicy != null) {
            request.put("referencePolicy", referencePolicy.apiValue);
        }
        if (importMode != null) {
            request.put("importMode", importMode.name());
        }
        JsonNode tagged = api.post(Api.TAGS, requestNamespace, "/imagestreamtags", request)
                .json();
        for (JsonNode tag : tagged) {
            session.out().println("Tag " + qualified(tag, current) + " set to " + describe(tag) + ".");
        }
        session.out().flush();
        return 0;
    }

    private StreamTagName streamTag(String argument) {
        try {
            return StreamTagName.parse(argument);
        } catch (RuntimeException notStreamTag) {
            throw new ParameterException(spec.commandLine(), notStreamTag.getMessage());
        }
    }

    private void deleteTag(ApiClient api, StreamTagName tag) {
        api.delete(Api.TAGS, tag.namespaceOr(api.namespace()), "/imagestreamtags/" + PathSegment.of(tag.streamTag()));
        session.out().println("Deleted tag " + tag + ".");
        session.out().flush();
    }

    private static String qualified(JsonNode tag, String current) {
        String namespace = tag.path("namespace").asText();
        return namespace.equals(current)
                ? tag.path("name").asText()
                : namespace + "/" + tag.path("name").asText();
    }

    private static String describe(JsonNode tag) {
        JsonNode from = tag.at("/tag/from");
        String kind = from.path("kind").asText();
        String source = from.hasNonNull("namespace") && !"DockerImage".equals(kind)
                ? from.get("namespace").asText() + "/" + from.path("name").asText()
                : from.path("name").asText();
        if ("ImageStreamTag".equals(kind)) {
            source = "follow " + source;
        }
        String digest = tag.at("/image/digest").asText("");
        return digest.isEmpty() || source.endsWith(digest) ? source : source + " (" + digest + ")";
    }
}
