package dev.tagline.cli.command;

import dev.tagline.cli.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tagline pause trigger NAME}: the trigger fires nothing until resumed. */
@Command(
        name = "pause",
        description = "Pause a trigger: it fires nothing until resumed, and its tag's moves are still recorded.",
        synopsisSubcommandLabel = "trigger",
        footerHeading = "%nExample:%n",
        footer = "  tagline pause trigger web",
        subcommands = PauseCommand.Trigger.class)
public final class PauseCommand {

    /** {@code pause trigger NAME}. */
    @Command(
            name = "trigger",
            description = "Pause a trigger.",
            footerHeading = "%nExample:%n",
            footer = "  tagline pause trigger web")
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
            TriggerPauses.setPaused(session.api(namespace.value()), name, true);
            session.out().println("trigger/" + name + " paused");
            session.out().flush();
        }
    }
}
