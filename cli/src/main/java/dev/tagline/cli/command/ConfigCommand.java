package dev.tagline.cli.command;

import dev.tagline.cli.CliException;
import dev.tagline.cli.Session;
import dev.tagline.cli.config.CliConfig;
import dev.tagline.cli.config.ConfigFile;
import dev.tagline.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tagline config}: the contexts of the config file, and which one is current. */
@Command(
        name = "config",
        description = "Show and choose the contexts of the config file.",
        footerHeading = "%nExamples:%n",
        footer = {"  tagline config get-contexts", "  tagline config use-context local"})
public final class ConfigCommand {

    private final Session session;

    public ConfigCommand(Session session) {
        this.session = session;
    }

    @Command(
            name = "get-contexts",
            description = "List the contexts; * marks the current one.",
            footerHeading = "%nExample:%n",
            footer = "  tagline config get-contexts")
    void getContexts() {
        CliConfig config = session.configFile().read();
        Table table = new Table("CURRENT", "NAME", "SERVER", "NAMESPACE");
        config.contexts()
                .forEach(context -> table.row(
                        context.name().equals(config.currentContextName()) ? "*" : " ",
                        context.name(),
                        context.server(),
                        context.namespace() == null ? " " : context.namespace()));
        table.print(session.out());
    }

    @Command(
            name = "use-context",
            description = "Make a context the current one.",
            footerHeading = "%nExample:%n",
            footer = "  tagline config use-context local")
    void useContext(@Parameters(paramLabel = "NAME", description = "a context of get-contexts") String name) {
        ConfigFile file = session.configFile();
        CliConfig config = file.read();
        if (config.context(name).isEmpty()) {
            throw new CliException("no context \"" + name + "\" in " + file.path() + " (tagline config get-contexts)");
        }
        file.write(config.using(name));
        session.out().println("Switched to context \"" + name + "\".");
        session.out().flush();
    }

    @Command(
            name = "current-context",
            description = "Print the current context's name.",
            footerHeading = "%nExample:%n",
            footer = "  tagline config current-context")
    void currentContext() {
        CliConfig config = session.configFile().read();
        String name = config.currentContext()
                .orElseThrow(() -> new CliException("no current context (tagline login)"))
                .name();
        session.out().println(name);
        session.out().flush();
    }
}
