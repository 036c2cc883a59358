package dev.tagline.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.cli.Session;
import dev.tagline.cli.api.Api;
import dev.tagline.cli.api.ApiClient;
import dev.tagline.cli.api.PathSegment;
import dev.tagline.cli.names.StreamTagName;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tagline release}: ends a hold; the tag moves to the newest image its source was seen at meanwhile. */
@Command(
        name = "release",
        description = "End a rollback's hold: the tag moves to the newest image its source was "
                + "seen at while held, if that differs, and follows its source again.",
        footerHeading = "%nExample:%n",
        footer = "  tagline release app:prod")
public final class ReleaseCommand implements Callable<Integer> {

    private final Session session;

    @Mixin
    NamespaceOption namespace;

    @Parameters(paramLabel = "STREAM:TAG", description = "the held tag")
    StreamTagName tag;

    public ReleaseCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ApiClient api = session.api(namespace.value());
        JsonNode released = api.post(
                        Api.TAGS,
                        tag.namespaceOr(api.namespace()),
                        "/imagestreamtags/" + PathSegment.of(tag.streamTag()) + "/release",
                        null)
                .json();
        session.out()
                .println("Released " + tag + ": it points at "
                        + released.at("/image/digest").asText() + " (generation "
                        + released.path("generation").asText() + ").");
        session.out().flush();
        return 0;
    }
}
