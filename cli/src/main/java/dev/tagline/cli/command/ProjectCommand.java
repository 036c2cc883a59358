package dev.tagline.cli.command;

import dev.tagline.cli.CliException;
import dev.tagline.cli.Session;
import dev.tagline.cli.config.CliConfig;
import dev.tagline.cli.config.ConfigFile;
import dev.tagline.cli.config.Context;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tagline project}: the current context's default namespace, shown or changed, as {@code oc project}. */
@Command(
        name = "project",
        description = "Show the namespace commands work in, or make NAMESPACE the current context's.",
        footerHeading = "%nExamples:%n",
        footer = {"  tagline project team-a", "  tagline project"})
public final class ProjectCommand implements Callable<Integer> {

    private final Session session;

    @Parameters(arity = "0..1", paramLabel = "NAMESPACE", description = "the namespace to switch to")
    String namespace;

    public ProjectCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        ConfigFile file = session.configFile();
        CliConfig config = file.read();
        Context context = config.currentContext()
                .orElseThrow(() -> new CliException(
                        "not logged in: no current context (tagline login --server URL --token TOKEN)"));
        if (namespace == null) {
            String current = session.connection(null).requireNamespace();
            session.out().println("Using namespace \"" + current + "\" on context \"" + context.name() + "\".");
        } else {
            file.write(config.with(context.withNamespace(namespace)));
            session.out().println("Now using namespace \"" + namespace + "\" on context \"" + context.name() + "\".");
        }
        session.out().flush();
        return 0;
    }
}
