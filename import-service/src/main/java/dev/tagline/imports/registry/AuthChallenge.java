package dev.tagline.imports.registry;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} challenge (RFC 9110, section 11.6.1): a scheme and its parameters, e.g.
 * {@code Bearer realm="https://auth.example/token",service="registry",scope="repository:app:pull"}.
 *
 * @param scheme in lowercase: {@code bearer} or {@code basic}
 * @param parameters names in lowercase, values unquoted
 */
public record AuthChallenge(String scheme, Map<String, String> parameters) {

    public static final String BEARER = "bearer";
    public static final String BASIC = "basic";

    public AuthChallenge {
        parameters = Map.copyOf(parameters);
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** The first challenge of a header; empty when the header is absent or names no scheme. */
    public static Optional<AuthChallenge> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Reader reader = new Reader(header);
        reader.skipSpaces();
        String scheme = reader.token();
        if (scheme.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new HashMap<>();
        while (true) {
            reader.skipSeparators();
            int start = reader.position;
            String name = reader.token();
            reader.skipSpaces();
            if (name.isEmpty() || !reader.consume('=')) {
                // The next challenge of the header has begun, or the rest is unreadable.
                reader.position = start;
                break;
            }
            reader.skipSpaces();
            parameters.putIfAbsent(name.toLowerCase(Locale.ROOT), reader.value());
        }
        return Optional.of(new AuthChallenge(scheme.toLowerCase(Locale.ROOT), parameters));
    }

    /** A cursor over the header text. */
    private static final class Reader {

        private final String text;
        private int position;

        Reader(String text) {
            this.text = text;
        }

        void skipSpaces() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        void skipSeparators() {
            while (position < text.length()
                    && (Character.isWhitespace(text.charAt(position)) || text.charAt(position) == ',')) {
                position++;
            }
        }

        boolean consume(char expected) {
            if (position < text.length() && text.charAt(position) == expected) {
                position++;
                return true;
            }
            return false;
        }

        /** An RFC 9110 token, also taking the '/' and ':' of the unquoted URLs some registries send. */
        String token() {
            int start = position;
            while (position < text.length() && isTokenCharacter(text.charAt(position))) {
                position++;
            }
            return text.substring(start, position);
        }

        String value() {
            if (!consume('"')) {
                return token();
            }
            StringBuilder value = new StringBuilder();
            while (position < text.length() && text.charAt(position) != '"') {
                char c = text.charAt(position++);
                if (c == '\\' && position < text.length()) {
                    c = text.charAt(position++);
                }
                value.append(c);
            }
            consume('"');
            return value.toString();
        }

        private static boolean isTokenCharacter(char c) {
            return c > ' ' && c < 0x7f && "\"(),;<=>?@[\\]{}".indexOf(c) < 0;
        }
    }
}
