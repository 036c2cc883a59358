package dev.tagline.cli.command;

import dev.tagline.cli.Session;
import dev.tagline.cli.api.Answer;
import dev.tagline.cli.api.Api;
import dev.tagline.cli.api.ApiClient;
import dev.tagline.cli.api.PathSegment;
import dev.tagline.cli.names.StreamTagName;
import dev.tagline.cli.output.OutputFormat;
import dev.tagline.cli.output.OutputOption;
import dev.tagline.cli.output.Printer;
import dev.tagline.cli.views.ImpactListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tagline impact STREAM:TAG}: which triggers would fire if the tag moved, in every namespace you may view. */
@Command(
        name = "impact",
        description = {
            "Which triggers would fire if the tag moved, from every namespace you may "
                    + "view; triggers in namespaces you may not view are only counted.",
            "Without --digest, a move to an image no trigger has seen; with it, a move to that image."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  tagline impact app:prod", "  tagline impact app:prod --digest sha256:0f3e…"})
public final class ImpactCommand implements Runnable {

    private final Session session;

    @Mixin
    NamespaceOption namespace;

    @Mixin
    OutputOption output;

    @Parameters(paramLabel = "STREAM:TAG", description = "the tag, NAMESPACE/ in front for another namespace")
    StreamTagName tag;

    @Option(names = "--digest", paramLabel = "DIGEST", description = "preview a move to this image")
    String digest;

    public ImpactCommand(Session session) {
        this.session = session;
    }

    @Override
    public void run() {
        ApiClient api = session.api(namespace.value());
        String path = "/imagestreamtags/" + PathSegment.of(tag.streamTag()) + "/triggers"
                + (digest == null ? "" : "?digest=" + PathSegment.of(digest));
        Answer impact = api.get(Api.TRIGGERS, tag.namespaceOr(api.namespace()), path);
        Printer.print(session.out(), output.format(), impact, new ImpactListing());
        int hidden = impact.json().path("hiddenTriggers").asInt();
        if (hidden > 0 && (output.format() == null || output.format() == OutputFormat.wide)) {
            session.out().println("and " + hidden + " more in namespaces you may not view");
            session.out().flush();
        }
    }
}
