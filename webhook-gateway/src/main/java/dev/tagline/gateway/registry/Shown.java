package dev.tagline.gateway.registry;

/** Renders untrusted input inside error messages: abbreviated, with anything unprintable replaced. */
final class Shown {

    private static final int MAX_SHOWN = 80;

    private Shown() {}

    static String of(String value) {
        String head = value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) + "…" : value;
        StringBuilder shown = new StringBuilder(head.length());
        head.codePoints().forEach(c -> shown.append(c >= ' ' && c < 0x7f || c == '…' ? Character.toString(c) : "?"));
        return shown.toString();
    }
}
