package dev.tagline.cli.command;

import dev.tagline.cli.Session;
import dev.tagline.cli.api.Api;
import dev.tagline.cli.api.ApiClient;
import dev.tagline.cli.api.PathSegment;
import dev.tagline.cli.names.StreamTagName;
import dev.tagline.cli.output.OutputOption;
import dev.tagline.cli.output.Printer;
import dev.tagline.cli.views.DeliveryListing;
import dev.tagline.cli.views.ImagePolicyListing;
import dev.tagline.cli.views.ImageStreamImageListing;
import dev.tagline.cli.views.ImageStreamListing;
import dev.tagline.cli.views.ImageStreamTagListing;
import dev.tagline.cli.views.StreamTagsListing;
import dev.tagline.cli.views.TriggerListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tagline get}: image streams, their tags and images, triggers, deliveries and image policies, as tables like
 * {@code oc get}.
 */
@Command(
        name = "get",
        description = "List or read image streams, tags, images, triggers, deliveries and image policies.",
        synopsisSubcommandLabel = "is|istag|isimage|triggers|deliveries|imagepolicies",
        footerHeading = "%nExamples:%n",
        footer = {"  tagline get is", "  tagline get istag app:prod -o json", "  tagline get triggers -n team-b -o wide"
        },
        subcommands = {
            GetCommand.ImageStreams.class,
            GetCommand.ImageStreamTags.class,
            GetCommand.ImageStreamImages.class,
            GetCommand.Triggers.class,
            GetCommand.Deliveries.class,
            GetCommand.ImagePolicies.class
        })
public final class GetCommand {

    /** {@code get is [NAME]}. */
    @Command(
            name = "is",
            aliases = {"imagestream", "imagestreams"},
            description = "The image streams of the namespace, or one.",
            footerHeading = "%nExamples:%n",
            footer = {"  tagline get is", "  tagline get is app -o yaml"})
    static final class ImageStreams implements Runnable {
        private final Session session;

        @Mixin
        NamespaceOption namespace;

        @Mixin
        OutputOption output;

        @Parameters(arity = "0..1", paramLabel = "NAME", description = "one image stream")
        String name;

        ImageStreams(Session session) {
            this.session = session;
        }

        @Override
        public void run() {
            ApiClient api = session.api(namespace.value());
            String path = "/imagestreams" + (name == null ? "" : "/" + PathSegment.of(name));
            Printer.print(session.out(), output.format(), api.get(Api.TAGS, path), new ImageStreamListing());
        }
    }

    /** {@code get istag [STREAM:TAG]}. */
    @Command(
            name = "istag",
            aliases = {"imagestreamtag", "imagestreamtags"},
            description = "The tags of every image stream of the namespace, or one tag.",
            footerHeading = "%nExamples:%n",
            footer = {"  tagline get istag", "  tagline get istag app:prod -o wide"})
    static final class ImageStreamTags implements Runnable {
        private final Session session;

        @Mixin
        NamespaceOption namespace;

        @Mixin
        OutputOption output;

        @Parameters(
                arity = "0..1",
                paramLabel = "STREAM:TAG",
                description = "one tag, NAMESPACE/ in front for another namespace")
        StreamTagName name;

        ImageStreamTags(Session session) {
            this.session = session;
        }

        @Override
        public void run() {
            ApiClient api = session.api(namespace.value());
            if (name == null) {
                Printer.print(
                        session.out(), output.format(), api.get(Api.TAGS, "/imagestreams"), new StreamTagsListing());
            } else {
                Printer.print(
                        session.out(),
                        output.format(),
                        api.get(
                                Api.TAGS,
                                name.namespaceOr(api.namespace()),
                                "/imagestreamtags/" + PathSegment.of(name.streamTag())),
                        new ImageStreamTagListing());
            }
        }
    }

    /** {@code get isimage STREAM@DIGEST}. */
    @Command(
            name = "isimage",
            aliases = {"imagestreamimage", "imagestreamimages"},
            description = "An image from any tag history of a stream, and the tags that hold it now.",
            footerHeading = "%nExample:%n",
            footer = "  tagline get isimage app@sha256:0f3e… -o wide")
    static final class ImageStreamImages implements Runnable {
        private final Session session;

        @Mixin
        NamespaceOption namespace;

        @Mixin
        OutputOption output;

        @Parameters(paramLabel = "STREAM@DIGEST", description = "the stream and the image's digest")
        String name;

        ImageStreamImages(Session session) {
            this.session = session;
        }

        @Override
        public void run() {
            ApiClient api = session.api(namespace.value());
            Printer.print(
                    session.out(),
                    output.format(),
                    api.get(Api.TAGS, "/imagestreamimages/" + PathSegment.of(name)),
                    new ImageStreamImageListing());
        }
    }

    /** {@code get triggers [NAME]}. */
    @Command(
            name = "triggers",
            aliases = {"trigger"},
            description = "The triggers of the namespace, or one.",
            footerHeading = "%nExamples:%n",
            footer = {"  tagline get triggers", "  tagline get trigger web -o json"})
    static final class Triggers implements Runnable {
        private final Session session;

        @Mixin
        NamespaceOption namespace;

        @Mixin
        OutputOption output;

        @Parameters(arity = "0..1", paramLabel = "NAME", description = "one trigger")
        String name;

        Triggers(Session session) {
            this.session = session;
        }

        @Override
        public void run() {
            ApiClient api = session.api(namespace.value());
            String path = "/triggers" + (name == null ? "" : "/" + PathSegment.of(name));
            Printer.print(session.out(), output.format(), api.get(Api.TRIGGERS, path), new TriggerListing());
        }
    }

    /** {@code get deliveries TRIGGER}. */
    @Command(
            name = "deliveries",
            aliases = {"delivery"},
            description = "A trigger's webhook deliveries, newest first.",
            footerHeading = "%nExample:%n",
            footer = "  tagline get deliveries web --limit 5")
    static final class Deliveries implements Runnable {
        private final Session session;

        @Mixin
        NamespaceOption namespace;

        @Mixin
        OutputOption output;

        @Parameters(paramLabel = "TRIGGER", description = "the trigger")
        String trigger;

        @Option(names = "--limit", paramLabel = "N", description = "at most N deliveries (default 50)")
        Integer limit;

        Deliveries(Session session) {
            this.session = session;
        }

        @Override
        public void run() {
            ApiClient api = session.api(namespace.value());
            String path =
                    "/triggers/" + PathSegment.of(trigger) + "/deliveries" + (limit == null ? "" : "?limit=" + limit);
            Printer.print(session.out(), output.format(), api.get(Api.TRIGGERS, path), new DeliveryListing());
        }
    }

    /** {@code get imagepolicies [NAME]}. */
    @Command(
            name = "imagepolicies",
            aliases = {"imagepolicy"},
            description = "The image policies of the namespace, or one: which streams only signed images move.",
            footerHeading = "%nExamples:%n",
            footer = {"  tagline get imagepolicies", "  tagline get imagepolicy signed -o wide"})
    static final class ImagePolicies implements Runnable {
        private final Session session;

        @Mixin
        NamespaceOption namespace;

        @Mixin
        OutputOption output;

        @Parameters(arity = "0..1", paramLabel = "NAME", description = "one image policy")
        String name;

        ImagePolicies(Session session) {
            this.session = session;
        }

        @Override
        public void run() {
            ApiClient api = session.api(namespace.value());
            String path = "/imagepolicies" + (name == null ? "" : "/" + PathSegment.of(name));
            Printer.print(session.out(), output.format(), api.get(Api.TAGS, path), new ImagePolicyListing());
        }
    }
}
