package dev.tagline.gateway.domain;

/** No source of that name is configured. */
public class UnknownSourceException extends RuntimeException {

    public UnknownSourceException(String source) {
        super("no webhook source named '" + shown(source) + "' is configured");
    }

    private static String shown(String source) {
        String head = source.length() > 64 ? source.substring(0, 64) + "…" : source;
        return head.replaceAll("[^A-Za-z0-9._-]", "?");
    }
}
