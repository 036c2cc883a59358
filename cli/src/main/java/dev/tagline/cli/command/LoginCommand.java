package dev.tagline.cli.command;

import dev.tagline.cli.Session;
import dev.tagline.cli.config.CliConfig;
import dev.tagline.cli.config.ConfigFile;
import dev.tagline.cli.config.Context;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tagline login}: writes a context with the servers and token to the config file and makes it current. */
@Command(
        name = "login",
        description = {
            "Save where the Tagline APIs are and the token to call them with, as a "
                    + "context in the config file ($TAGLINE_CONFIG, default ~/.config/tagline/config, readable by you only), "
                    + "and make it the current context.",
            "One --server serves all three APIs when they sit behind one address; --import-server and --trigger-server "
                    + "name the import- and trigger-service when they listen elsewhere."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tagline login --server https://tagline.example.com --token \"$TOKEN\" -n team-a",
            "  tagline login --server http://127.0.0.1:8082 --import-server http://127.0.0.1:8083 \\",
            "      --trigger-server http://127.0.0.1:8084 --token \"$TOKEN\" --context local"
        })
public final class LoginCommand implements Callable<Integer> {

    private final Session session;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--server",
            required = true,
            paramLabel = "URL",
            description = "the tag-service, or one address for all three APIs")
    String server;

    @Option(names = "--import-server", paramLabel = "URL", description = "the import-service, if not at --server")
    String importServer;

    @Option(names = "--trigger-server", paramLabel = "URL", description = "the trigger-service, if not at --server")
    String triggerServer;

    // No default shown, and never echoed: the token goes to the file only.
    @Option(
            names = "--token",
            required = true,
            paramLabel = "TOKEN",
            description = "the bearer token (stored, never printed)")
    String token;

    @Option(
            names = "--context",
            paramLabel = "NAME",
            description = "the context's name (default: the server's host:port)")
    String contextName;

    @Option(
            names = {"-n", "--namespace"},
            paramLabel = "NAMESPACE",
            description = "the context's default namespace")
    String namespace;

    public LoginCommand(Session session) {
        this.session = session;
    }

    @Override
    public Integer call() {
        requireHttpUrl("--server", server);
        requireHttpUrl("--import-server", importServer);
        requireHttpUrl("--trigger-server", triggerServer);
        ConfigFile file = session.configFile();
        CliConfig config = file.read();
        String name = contextName != null ? contextName : hostAndPort(server);
        Optional<Context> previous = config.context(name);
        String chosenNamespace =
                namespace != null ? namespace : previous.map(Context::namespace).orElse(null);
        file.write(config.with(new Context(name, server, importServer, triggerServer, token, chosenNamespace))
                .using(name));
        session.out()
                .println("Logged in to " + server + " as context \"" + name + "\" (saved in " + file.path() + ").");
        session.out()
                .println(
                        chosenNamespace == null
                                ? "No namespace chosen yet: tagline project NAMESPACE."
                                : "Using namespace \"" + chosenNamespace + "\".");
        session.out().flush();
        return 0;
    }

    private void requireHttpUrl(String option, String url) {
        if (url != null && !url.matches("https?://[^/\\s]+(/\\S*)?")) {
            throw new ParameterException(
                    spec.commandLine(), option + " takes an http:// or https:// URL, not '" + url + "'");
        }
    }

    private static String hostAndPort(String url) {
        URI uri = URI.create(url);
        if (uri.getHost() == null) {
            return url;
        }
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }
}
