package dev.tagline.cli.views;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.cli.output.Ages;
import dev.tagline.cli.output.Listing;
import dev.tagline.cli.output.Table;
import java.util.ArrayList;
import java.util.List;

/** One image stream tag as {@code oc get istag NAME} shows it: NAME, IMAGE REFERENCE, UPDATED (and whether held). */
public final class ImageStreamTagListing implements Listing {

    @Override
    public Table table(JsonNode tag, boolean wide) {
        List<String> headers = new ArrayList<>(List.of("NAME", "IMAGE REFERENCE", "UPDATED", "HELD"));
        if (wide) {
            headers.addAll(List.of("SOURCE", "GENERATION", "MEDIA TYPE"));
        }
        JsonNode current = Items.current(tag.path("history"));
        List<String> row = new ArrayList<>(List.of(
                tag.path("name").asText(),
                Items.text(tag, "/image/dockerImageReference"),
                current == null ? "" : Ages.since(current.path("created").asText()),
                String.valueOf(tag.hasNonNull("hold"))));
        if (wide) {
            row.addAll(List.of(
                    Items.text(tag, "/tag/from/name"),
                    Items.text(tag, "/generation"),
                    Items.text(tag, "/image/mediaType")));
        }
        return new Table(headers).row(row);
    }

    @Override
    public List<String> names(JsonNode tag) {
        return List.of("imagestreamtag/" + tag.path("name").asText());
    }
}
