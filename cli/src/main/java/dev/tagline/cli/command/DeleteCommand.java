package dev.tagline.cli.command;

import dev.tagline.cli.Session;
import dev.tagline.cli.api.Api;
import dev.tagline.cli.api.ApiClient;
import dev.tagline.cli.api.PathSegment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tagline delete trigger|is|imagepolicy NAME}. */
@Command(
        name = "delete",
        description = "Delete a trigger, an image stream with its tags and history, or an image policy.",
        synopsisSubcommandLabel = "trigger|is|imagepolicy",
        footerHeading = "%nExamples:%n",
        footer = {"  tagline delete trigger web", "  tagline delete is app", "  tagline delete imagepolicy signed"},
        subcommands = {DeleteCommand.Trigger.class, DeleteCommand.ImageStream.class, DeleteCommand.ImagePolicy.class})
public final class DeleteCommand {

    /** {@code delete trigger NAME}. */
    @Command(
            name = "trigger",
            description = "Delete a trigger with its deliveries; actions already decided still go out.",
            footerHeading = "%nExample:%n",
            footer = "  tagline delete trigger web")
    static final class Trigger implements Runnable {
        private final Session session;

        @Mixin
        NamespaceOption namespace;

        @Parameters(paramLabel = "NAME", description = "the trigger")
        String name;

        Trigger(Session session) {
            this.session = session;
        }

        @Override
        public void run() {
            ApiClient api = session.api(namespace.value());
            api.delete(Api.TRIGGERS, api.namespace(), "/triggers/" + PathSegment.of(name));
            session.out().println("trigger/" + name + " deleted");
            session.out().flush();
        }
    }

    /** {@code delete is NAME}: needs the admin role. */
    @Command(
            name = "is",
            aliases = "imagestream",
            description = "Delete an image stream, its tags and their history (needs admin).",
            footerHeading = "%nExample:%n",
            footer = "  tagline delete is app")
    static final class ImageStream implements Runnable {
        private final Session session;

        @Mixin
        NamespaceOption namespace;

        @Parameters(paramLabel = "NAME", description = "the image stream")
        String name;

        ImageStream(Session session) {
            this.session = session;
        }

        @Override
        public void run() {
            ApiClient api = session.api(namespace.value());
            api.delete(Api.TAGS, api.namespace(), "/imagestreams/" + PathSegment.of(name));
            session.out().println("imagestream/" + name + " deleted");
            session.out().flush();
        }
    }

    /** {@code delete imagepolicy NAME}: needs the admin role. */
    @Command(
            name = "imagepolicy",
            description = {
                "Delete an image policy (needs admin).",
                "Observations its streams hold for want of a signature stay held; the next one moves the tag unchecked."
            },
            footerHeading = "%nExample:%n",
            footer = "  tagline delete imagepolicy signed")
    static final class ImagePolicy implements Runnable {
        private final Session session;

        @Mixin
        NamespaceOption namespace;

        @Parameters(paramLabel = "NAME", description = "the image policy")
        String name;

        ImagePolicy(Session session) {
            this.session = session;
        }

        @Override
        public void run() {
            ApiClient api = session.api(namespace.value());
            api.delete(Api.TAGS, api.namespace(), "/imagepolicies/" + PathSegment.of(name));
            session.out().println("imagepolicy/" + name + " deleted");
            session.out().flush();
        }
    }
}
