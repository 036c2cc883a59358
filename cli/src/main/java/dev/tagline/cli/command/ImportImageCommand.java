package dev.tagline.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.cli.CliException;
import dev.tagline.cli.Session;
import dev.tagline.cli.api.Answer;
import dev.tagline.cli.api.Api;
import dev.tagline.cli.api.ApiClient;
import dev.tagline.cli.api.Json;
import dev.tagline.cli.api.PathSegment;
import dev.tagline.cli.api.Refusal;
import dev.tagline.cli.names.StreamTagName;
import dev.tagline.cli.output.OutputOption;
import dev.tagline.cli.output.Printer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tagline import-image}, as {@code oc import-image}: resolves a registry tag now and points a tag at it. */
@Command(
        name = "import-image",
        description = {
            "Resolve a registry tag now and point STREAM:TAG at its image; the tag "
                    + "follows the registry tag from then on.",
            "Without --from, the tag's own registry source is imported again. A stream that does not exist yet is "
                    + "created only with --confirm."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tagline import-image app:v1 --from quay.io/org/app:v1 --confirm",
            "  tagline import-image nginx:stable --from docker.io/library/nginx:stable --scheduled --confirm",
            "  tagline import-image app:v1"
        })
public final class ImportImageCommand implements Callable<Integer> {

    private final Session session;

    @Mixin
    NamespaceOption namespace;

    @Mixin
    OutputOption output;

    @Parameters(paramLabel = "STREAM:TAG", description = "the tag to import into")
    StreamTagName target;

    @Option(names = "--from", paramLabel = "REF", description = "the registry image, host/repository:tag")
    String from;

    @Option(names = "--scheduled", description = "keep importing it periodically")
    boolean scheduled;

    @Option(names = "--insecure", description = "allow plain HTTP or unverified TLS")
    boolean insecure;

    @Option(names = "--confirm", description = "create the image stream if it does not exist")
    boolean confirm;

    public ImportImageCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ApiClient api = session.api(namespace.value());
        String targetNamespace = target.namespaceOr(api.namespace());
        String source = from != null ? from : currentSource(api, targetNamespace);
        if (!confirm) {
            requireStream(api, targetNamespace);
        }
        ObjectNode request = Json.object();
        request.putObject("from").put("kind", "DockerImage").put("name", source);
        request.put("to", target.streamTag());
        // Policies left out stay as the tag has them; only a flag given changes them.
        if (scheduled || insecure) {
            request.putObject("importPolicy").put("scheduled", scheduled).put("insecure", insecure);
        }
        Answer imported = api.post(Api.IMPORTS, targetNamespace, "/imagestreamimports", request);
        if (!Printer.printedStructured(session.out(), output.format(), imported)) {
            JsonNode image = imported.json().path("image");
            session.out()
                    .println("Imported " + source + " into " + target + ": "
                            + image.path("digest").asText() + " ("
                            + image.path("mediaType").asText() + ").");
            session.out().flush();
        }
        return 0;
    }

    private String currentSource(ApiClient api, String targetNamespace) {
        JsonNode spec = api.get(
                        Api.TAGS,
                        targetNamespace,
                        "/imagestreamtags/" + PathSegment.of(target.streamTag()) + "?limit=1")
                .json()
                .path("tag");
        if (!"DockerImage".equals(spec.at("/from/kind").asText())) {
            throw new CliException(target + " does not follow a registry image: name one with --from");
        }
        return spec.at("/from/name").asText();
    }

    private void requireStream(ApiClient api, String targetNamespace) {
        try {
            api.get(Api.TAGS, targetNamespace, "/imagestreams/" + PathSegment.of(target.stream()));
        } catch (Refusal refusal) {
            if (refusal.status() == 404 && "name".equals(refusal.field())) {
                throw new CliException("image stream " + target.stream() + " does not exist in " + targetNamespace
                        + ": pass --confirm to create it");
            }
            throw refusal;
        }
    }
}
