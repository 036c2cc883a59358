package dev.tagline.cli.views;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.cli.output.Ages;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** An image stream as {@code oc describe is} shows it: a header, then each tag with its source, items, conditions and hold. */
public final class StreamDescription {

    private final JsonNode stream;
    private final List<JsonNode> tags;

    /** @param tags the tag views of the stream's spec tags, in spec order */
    public StreamDescription(JsonNode stream, List<JsonNode> tags) {
        this.stream = stream;
        this.tags = tags;
    }

    public void print(PrintWriter out) {
        out.printf("Name:         %s%n", stream.path("name").asText());
        out.printf("Namespace:    %s%n", stream.path("namespace").asText());
        out.printf("Created:      %s ago%n", Ages.since(Items.text(stream, "/createdAt")));
        out.printf("Generation:   %s%n", stream.path("generation").asText());
        out.printf("Tags:         %d%n", tags.size());
        for (JsonNode tag : tags) {
            out.println();
            printTag(out, tag);
        }
        out.flush();
    }

    private void printTag(PrintWriter out, JsonNode tag) {
        String name = tag.path("name").asText();
        out.println(name.substring(name.indexOf(':') + 1));
        out.println("  " + source(tag.path("tag"), stream.path("namespace").asText()));
        String policies = policies(tag.path("tag"));
        if (!policies.isEmpty()) {
            out.println("    " + policies);
        }
        JsonNode hold = tag.path("hold");
        if (hold.isObject()) {
            JsonNode pending = hold.path("pending");
            out.printf(
                    "  held since %s ago at generation %s; %s%n",
                    Ages.since(Items.text(hold, "/since")),
                    hold.path("generation").asText(),
                    pending.isObject()
                            ? "a release moves it to " + pending.path("image").asText() + " ("
                                    + pending.path("cause").asText() + ")"
                            : "nothing new seen since");
        }
        long current = tag.path("generation").asLong(-1);
        JsonNode history = tag.path("history");
        if (history.isEmpty()) {
            out.println("  no image yet");
        }
        for (JsonNode item : history) {
            boolean pointedAt =
                    !item.path("held").asBoolean() && item.path("generation").asLong() == current;
            out.printf(
                    "  %s %s%n",
                    pointedAt ? "*" : " ", item.path("dockerImageReference").asText());
            out.printf(
                    "      generation %s, %s, %s ago%s%n",
                    item.path("generation").asText(),
                    item.path("cause").asText(),
                    Ages.since(Items.text(item, "/created")),
                    item.path("held").asBoolean() ? ", held" : "");
        }
        for (JsonNode condition : tag.path("conditions")) {
            out.printf(
                    "  ! %s=%s (%s): %s%n",
                    condition.path("type").asText(),
                    condition.path("status").asText(),
                    Items.text(condition, "/reason"),
                    Items.text(condition, "/message"));
        }
    }

    private static String source(JsonNode spec, String streamNamespace) {
        String kind = Items.text(spec, "/from/kind");
        String from =
                Items.qualified(Items.text(spec, "/from/namespace"), Items.text(spec, "/from/name"), streamNamespace);
        return switch (kind) {
            case "DockerImage" -> "tagged from " + from;
            case "ImageStreamTag" -> "follows " + from + " (alias)";
            case "ImageStreamImage" -> "tagged from " + from;
            default -> "no source";
        };
    }

    private static String policies(JsonNode spec) {
        List<String> policies = new ArrayList<>();
        if (spec.path("reference").asBoolean()) {
            policies.add("reference only");
        }
        if (spec.at("/importPolicy/scheduled").asBoolean()) {
            policies.add("scheduled import");
        }
        if (spec.at("/importPolicy/insecure").asBoolean()) {
            policies.add("insecure");
        }
        String mode = Items.text(spec, "/importPolicy/importMode");
        if (!mode.isEmpty() && !"Legacy".equals(mode)) {
            policies.add("import mode " + mode);
        }
        if ("Local".equals(Items.text(spec, "/referencePolicy"))) {
            policies.add("reference policy Local");
        }
        return String.join(", ", policies);
    }
}
