package dev.tagline.cli.views;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Small readings of API answers that several views share. */
final class Items {

    private Items() {}

    /** The elements of a list answer, or the one object of a single answer. */
    static List<JsonNode> of(JsonNode answer) {
        List<JsonNode> items = new ArrayList<>();
        if (answer.isArray()) {
            answer.forEach(items::add);
        } else if (answer.isObject()) {
            items.add(answer);
        }
        return items;
    }

    /** A text field, or empty when absent or null. */
    static String text(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    /** {@code sha256:} and the first 12 hex digits, enough to tell images apart in a table. */
    static String shortDigest(String digest) {
        int colon = digest.indexOf(':');
        return colon < 0 || digest.length() <= colon + 13 ? digest : digest.substring(0, colon + 13);
    }

    /** A pull spec without its tag or digest: the repository. */
    static String repository(String pullSpec) {
        int at = pullSpec.indexOf('@');
        String withoutDigest = at < 0 ? pullSpec : pullSpec.substring(0, at);
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    /** The newest history item the tag points at (held items are what it was kept from). */
    static JsonNode current(JsonNode items) {
        for (JsonNode item : items) {
            if (!item.path("held").asBoolean()) {
                return item;
            }
        }
        return null;
    }

    /** A namespace-qualified name when it differs from the one the command works in. */
    static String qualified(String namespace, String name, String current) {
        return namespace.isEmpty() || namespace.equals(current) ? name : namespace + "/" + name;
    }
}
