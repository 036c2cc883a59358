package dev.tagline.cli;

import dev.tagline.cli.command.CompletionCommand;
import dev.tagline.cli.command.ConfigCommand;
import dev.tagline.cli.command.CreateCommand;
import dev.tagline.cli.command.DeleteCommand;
import dev.tagline.cli.command.DescribeCommand;
import dev.tagline.cli.command.GetCommand;
import dev.tagline.cli.command.HistoryCommand;
import dev.tagline.cli.command.ImpactCommand;
import dev.tagline.cli.command.ImportImageCommand;
import dev.tagline.cli.command.LoginCommand;
import dev.tagline.cli.command.PauseCommand;
import dev.tagline.cli.command.ProjectCommand;
import dev.tagline.cli.command.RedeliverCommand;
import dev.tagline.cli.command.ReleaseCommand;
import dev.tagline.cli.command.ResumeCommand;
import dev.tagline.cli.command.RollbackCommand;
import dev.tagline.cli.command.TagCommand;
import dev.tagline.cli.command.VersionCommand;
import dev.tagline.cli.names.StreamTagName;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tagline} command: its subcommands, and how failures become exit codes and plain messages. */
@Command(
        name = "tagline",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = VersionCommand.Provider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Image streams, tags, imports and triggers on any registry, as oc does them.",
        footerHeading = "%nExample:%n",
        footer = {
            "  tagline login --server https://tagline.example.com --token $TOKEN",
            "  tagline project team-a && tagline get is"
        },
        subcommands = {
            LoginCommand.class,
            ConfigCommand.class,
            ProjectCommand.class,
            GetCommand.class,
            DescribeCommand.class,
            HistoryCommand.class,
            TagCommand.class,
            ImportImageCommand.class,
            RollbackCommand.class,
            ReleaseCommand.class,
            CreateCommand.class,
            PauseCommand.class,
            ResumeCommand.class,
            DeleteCommand.class,
            RedeliverCommand.class,
            ImpactCommand.class,
            CompletionCommand.class,
            VersionCommand.class
        })
public final class Tagline implements Runnable {

    /** An API refused the request, or it could not be made: the message says why. (Usage errors exit with 2.) */
    public static final int REFUSED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(commandLine(new Session(System.getenv(), out, err)).execute(args));
    }

    /** The command line, its commands built with the session they share. */
    public static CommandLine commandLine(Session session) {
        CommandLine commandLine = new CommandLine(Tagline.class, new SessionFactory(session));
        commandLine.registerConverter(StreamTagName.class, StreamTagName::parse);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(session.out());
        commandLine.setErr(session.err());
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println(Failures.message(exception));
            return REFUSED;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds commands whose constructor takes the {@link Session}; everything else as picocli would. */
    private record SessionFactory(Session session) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                var constructor = type.getDeclaredConstructor(Session.class);
                constructor.setAccessible(true);
                return constructor.newInstance(session);
            } catch (NoSuchMethodException noSessionNeeded) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
