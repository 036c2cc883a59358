package dev.tagline.events.reference;

/** Renders untrusted input inside error messages: abbreviated, with invisible characters spelled out. */
final class Quoted {

    private static final int MAX_SHOWN = 40;

    private Quoted() {}

    /** {@code 'value'}, abbreviated and escaped. */
    static String quote(String value) {
        return "'" + shown(value) + "'";
    }

    /** The value abbreviated to its first characters, each non-printable one as {@code U+XXXX}. */
    static String shown(String value) {
        String head = value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) : value;
        StringBuilder text = new StringBuilder();
        head.codePoints().forEach(c -> text.append(isPrintableAscii(c) ? Character.toString(c) : codePoint(c)));
        return value.length() > MAX_SHOWN ? text.append('…').toString() : text.toString();
    }

    /** {@code 'x'} for a printable ASCII character, {@code U+XXXX} for any other. */
    static String character(int c) {
        return isPrintableAscii(c) ? "'" + Character.toString(c) + "'" : codePoint(c);
    }

    static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    static boolean isPrintableAscii(int c) {
        return c > ' ' && c < 0x7f;
    }
}
