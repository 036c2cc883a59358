package dev.tagline.cli;

import dev.tagline.cli.api.ApiClient;
import dev.tagline.cli.config.ConfigFile;
import dev.tagline.cli.config.Connection;
import java.io.PrintWriter;
import java.util.Map;

/** What every command shares: the environment, the config file it names, and where output goes. */
public final class Session {

    private final Map<String, String> environment;
    private final PrintWriter out;
    private final PrintWriter err;

    public Session(Map<String, String> environment, PrintWriter out, PrintWriter err) {
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public ConfigFile configFile() {
        return ConfigFile.of(environment);
    }

    /** Where and as whom to talk: the current context, overridden by the environment, then by {@code -n}. */
    public Connection connection(String namespaceOption) {
        return Connection.resolve(configFile().read().currentContext(), environment, namespaceOption);
    }

    /** A client for the APIs of the current context. */
    public ApiClient api(String namespaceOption) {
        return new ApiClient(connection(namespaceOption));
    }
}
