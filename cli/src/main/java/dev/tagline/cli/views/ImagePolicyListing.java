package dev.tagline.cli.views;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.cli.output.Listing;
import dev.tagline.cli.output.Table;
import java.util.ArrayList;
import java.util.List;

/** Image policies: NAME, STREAMS, KEYS (how many); wide adds the keys' fingerprints. */
public final class ImagePolicyListing implements Listing {

    @Override
    public Table table(JsonNode answer, boolean wide) {
        List<String> headers = new ArrayList<>(List.of("NAME", "STREAMS", "KEYS"));
        if (wide) {
            headers.add("FINGERPRINTS");
        }
        Table table = new Table(headers);
        for (JsonNode policy : Items.of(answer)) {
            List<String> row = new ArrayList<>(List.of(
                    policy.path("name").asText(),
                    joined(policy.path("streams")),
                    String.valueOf(policy.path("publicKeys").size())));
            if (wide) {
                row.add(joined(policy.path("fingerprints")));
            }
            table.row(row);
        }
        return table;
    }

    @Override
    public List<String> names(JsonNode answer) {
        return Items.of(answer).stream()
                .map(policy -> "imagepolicy/" + policy.path("name").asText())
                .toList();
    }

    private static String joined(JsonNode texts) {
        List<String> values = new ArrayList<>();
        texts.forEach(text -> values.add(text.asText()));
        return String.join(",", values);
    }
}
