package dev.tagline.cli.command;

import dev.tagline.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tagline resume trigger NAME}: fires once if its tag moved while paused, then follows it again. */
@Command(
        name = "resume",
        description = "Resume a trigger: it fires once if its tag moved while it was paused.",
        synopsisSubcommandLabel = "trigger",
        footerHeading = "%nExample:%n",
        footer = "  tagline resume trigger web",
        subcommands = ResumeCommand.Trigger.class)
public final class ResumeCommand {

    /** {@code resume trigger NAME}. */
    @Command(
            name = "trigger",
            description = "Resume a trigger.",
            footerHeading = "%nExample:%n",
            footer = "  tagline resume trigger web")
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
            TriggerPauses.setPaused(session.api(namespace.value()), name, false);
            session.out().println("trigger/" + name + " resumed");
            session.out().flush();
        }
    }
}
