package dev.tagline.cli.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A named place to work: the servers (one for all three APIs, or one each), the token, the default namespace.
 *
 * @param importServer the import-service, when it is not at {@code server}
 * @param triggerServer the trigger-service, when it is not at {@code server}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Context(
        String name,
        String server,
        @JsonProperty("import-server") String importServer,
        @JsonProperty("trigger-server") String triggerServer,
        String token,
        String namespace) {

    public Context withNamespace(String newNamespace) {
        return new Context(name, server, importServer, triggerServer, token, newNamespace);
    }

    // Never the token: a context may end up in a message or a log.
    @Override
    public String toString() {
        return "Context[name=" + name + ", server=" + server + ", namespace=" + namespace + "]";
    }
}
