package dev.tagline.cli.views;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.cli.output.Ages;
import dev.tagline.cli.output.Listing;
import dev.tagline.cli.output.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A tag's history, newest first: GENERATION, IMAGE, CAUSE, HELD, CREATED; the item the tag points at starred. Wide
 * adds the image reference and, for tags under an image policy, each item's signature verdict.
 */
public final class HistoryListing implements Listing {

    @Override
    public Table table(JsonNode tag, boolean wide) {
        Table table = new Table(headers(wide));
        tag.path("history")
                .forEach(item -> table.row(row(item, tag.path("generation").asLong(), wide)));
        return table;
    }

    public List<String> headers(boolean wide) {
        List<String> headers = new ArrayList<>(List.of(" ", "GENERATION", "IMAGE", "CAUSE", "HELD", "CREATED"));
        if (wide) {
            headers.addAll(List.of("IMAGE REFERENCE", "VERIFIED"));
        }
        return headers;
    }

    /** @param currentGeneration the generation the tag points at, to star its item */
    public List<String> row(JsonNode item, long currentGeneration, boolean wide) {
        long generation = item.path("generation").asLong();
        String digest = item.path("image").asText();
        List<String> row = new ArrayList<>(List.of(
                generation == currentGeneration ? "*" : " ",
                String.valueOf(generation),
                wide ? digest : Items.shortDigest(digest),
                item.path("cause").asText(),
                String.valueOf(item.path("held").asBoolean()),
                Ages.since(Items.text(item, "/created"))));
        if (wide) {
            row.addAll(List.of(item.path("dockerImageReference").asText(), verification(item)));
        }
        return row;
    }

    /** {@code Verified (sha256:<12 hex>)}, the reason it is not, or empty for a tag under no policy. */
    private static String verification(JsonNode item) {
        String verdict = Items.text(item, "/verification/verdict");
        String key = Items.text(item, "/verification/keyFingerprint");
        return key.isEmpty() ? verdict : verdict + " (" + Items.shortDigest(key) + ")";
    }

    @Override
    public List<String> names(JsonNode tag) {
        List<String> names = new ArrayList<>();
        String stream = tag.path("name").asText().split(":")[0];
        tag.path("history")
                .forEach(item -> names.add(
                        "imagestreamimage/" + stream + "@" + item.path("image").asText()));
        return names;
    }
}
