package dev.tagline.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.cli.Session;
import dev.tagline.cli.api.Answer;
import dev.tagline.cli.api.Api;
import dev.tagline.cli.api.ApiClient;
import dev.tagline.cli.api.PathSegment;
import dev.tagline.cli.output.OutputOption;
import dev.tagline.cli.output.Printer;
import dev.tagline.cli.views.StreamDescription;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tagline describe is NAME}: a stream with every tag's source, newest items, conditions and hold. */
@Command(
        name = "describe",
        description = "Show an image stream in full.",
        synopsisSubcommandLabel = "is",
        footerHeading = "%nExample:%n",
        footer = "  tagline describe is app",
        subcommands = DescribeCommand.ImageStream.class)
public final class DescribeCommand {

    /** The number of history items shown per tag, as {@code oc describe is} shows a few. */
    private static final int ITEMS_PER_TAG = 5;

    /** {@code describe is NAME}. */
    @Command(
            name = "is",
            aliases = {"imagestream"},
            description = {
                "Every tag of the stream: what it follows, its "
                        + "newest items (* the one it points at), its conditions and hold.",
                "-o json and -o yaml print the stream as the API answers it."
            },
            footerHeading = "%nExamples:%n",
            footer = {"  tagline describe is app", "  tagline describe is app -n team-b -o yaml"})
    static final class ImageStream implements Runnable {
        private final Session session;

        @Mixin
        NamespaceOption namespace;

        @Mixin
        OutputOption output;

        @Parameters(paramLabel = "NAME", description = "the image stream")
        String name;

        ImageStream(Session session) {
            this.session = session;
        }

        @Override
        public void run() {
            ApiClient api = session.api(namespace.value());
            Answer stream = api.get(Api.TAGS, "/imagestreams/" + PathSegment.of(name));
            if (Printer.printedStructured(session.out(), output.format(), stream)) {
                return;
            }
            // The stream's status has no holds; each tag's own view has them, with its newest items.
            List<JsonNode> tags = new ArrayList<>();
            for (JsonNode spec : stream.json().at("/spec/tags")) {
                tags.add(api.get(
                                Api.TAGS,
                                "/imagestreamtags/"
                                        + PathSegment.of(
                                                name + ":" + spec.path("name").asText()) + "?limit=" + ITEMS_PER_TAG)
                        .json());
            }
            new StreamDescription(stream.json(), tags).print(session.out());
        }
    }
}
