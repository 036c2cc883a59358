package dev.tagline.imports.registry;

import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.buffer.Buffer;

/** A registry's or token server's answer: status, headers and the body (empty for HEAD). */
public record RegistryAnswer(int status, MultiMap headers, Buffer body) {

    public String header(String name) {
        return headers.get(name);
    }
}
