package dev.tagline.cli.config;

import dev.tagline.cli.CliException;
import java.util.Map;
import java.util.Optional;

/**
 * Where each API is and as whom to call it, once the current context, the environment and {@code -n} are weighed:
 * each variable overrides its own field of the context, and {@code -n} overrides every namespace.
 */
public record Connection(String tagServer, String importServer, String triggerServer, String token, String namespace) {

    public static final String SERVER = "TAGLINE_SERVER";
    public static final String IMPORT_SERVER = "TAGLINE_IMPORT_SERVER";
    public static final String TRIGGER_SERVER = "TAGLINE_TRIGGER_SERVER";
    public static final String TOKEN = "TAGLINE_TOKEN";
    public static final String NAMESPACE = "TAGLINE_NAMESPACE";

    public static Connection resolve(
            Optional<Context> context, Map<String, String> environment, String namespaceOption) {
        Context file = context.orElse(new Context(null, null, null, null, null, null));
        String server = pick(environment.get(SERVER), file.server());
        // A server alone serves all three APIs (behind one path-routing address); the others override per service.
        String importServer = pick(environment.get(IMPORT_SERVER), pick(file.importServer(), server));
        String triggerServer = pick(environment.get(TRIGGER_SERVER), pick(file.triggerServer(), server));
        String namespace = pick(namespaceOption, pick(environment.get(NAMESPACE), file.namespace()));
        return new Connection(
                trimSlash(server),
                trimSlash(importServer),
                trimSlash(triggerServer),
                pick(environment.get(TOKEN), file.token()),
                namespace);
    }

    /** The namespace to work in, or why there is none. */
    public String requireNamespace() {
        if (namespace == null) {
            throw new CliException("no namespace: pass -n NAMESPACE, or choose one with tagline project NAMESPACE");
        }
        return namespace;
    }

    // Never the token: a connection may end up in a message.
    @Override
    public String toString() {
        return "Connection[server=" + tagServer + ", namespace=" + namespace + "]";
    }

    private static String pick(String preferred, String fallback) {
        return preferred == null || preferred.isBlank() ? fallback : preferred;
    }

    private static String trimSlash(String url) {
        return url == null || !url.endsWith("/") ? url : url.substring(0, url.length() - 1);
    }
}
