package dev.tagline.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagline.cli.Session;
import dev.tagline.cli.api.Api;
import dev.tagline.cli.api.ApiClient;
import dev.tagline.cli.api.Json;
import dev.tagline.cli.api.PathSegment;
import dev.tagline.cli.names.StreamTagName;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tagline rollback}: points a tag again at an image of its own history, optionally holding it there. */
@Command(
        name = "rollback",
        description = {
            "Point a tag again at an image it pointed at before (a new history item, "
                    + "so triggers fire). With --hold it stays there: what its source is seen at is recorded as held items until "
                    + "tagline release."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tagline rollback app:prod --to-generation 1 --hold",
            "  tagline rollback app:prod --to-image sha256:0f3e…"
        })
public final class RollbackCommand implements Callable<Integer> {

    private final Session session;

    @Mixin
    NamespaceOption namespace;

    @Parameters(paramLabel = "STREAM:TAG", description = "the tag to roll back")
    StreamTagName tag;

    @ArgGroup(multiplicity = "1")
    Target target;

    @Option(names = "--hold", description = "keep the tag there until released")
    boolean hold;

    /** Exactly one of the two ways to name the item. */
    static final class Target {
        @Option(names = "--to-image", required = true, paramLabel = "DIGEST", description = "the image, sha256:…")
        String image;

        @Option(
                names = "--to-generation",
                required = true,
                paramLabel = "N",
                description = "the generation of a history item")
        Long generation;
    }

    public RollbackCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ApiClient api = session.api(namespace.value());
        ObjectNode request = Json.object();
        if (target.image != null) {
            request.put("image", target.image);
        } else {
            request.put("generation", target.generation);
        }
        request.put("hold", hold);
        JsonNode rolledBack = api.post(
                        Api.TAGS,
                        tag.namespaceOr(api.namespace()),
                        "/imagestreamtags/" + PathSegment.of(tag.streamTag()) + "/rollback",
                        request)
                .json();
        session.out()
                .println("Rolled back " + tag + " to "
                        + rolledBack.at("/image/digest").asText() + " (generation "
                        + rolledBack.path("generation").asText() + ")"
                        + (rolledBack.path("hold").isObject() ? ", held until tagline release " + tag + "." : "."));
        session.out().flush();
        return 0;
    }
}
