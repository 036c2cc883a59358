package dev.tagline.cli.views;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.cli.output.Listing;
import dev.tagline.cli.output.Table;
import java.util.ArrayList;
import java.util.List;

/** An image stream image: NAME ({@code stream@digest}), IMAGE REFERENCE, TAGS that hold it, MEDIA TYPE. */
public final class ImageStreamImageListing implements Listing {

    @Override
    public Table table(JsonNode image, boolean wide) {
        List<String> headers = new ArrayList<>(List.of("NAME", "IMAGE REFERENCE", "TAGS", "MEDIA TYPE"));
        if (wide) {
            headers.addAll(List.of("SIZE", "PLATFORMS"));
        }
        List<String> tags = new ArrayList<>();
        image.path("tags").forEach(tag -> tags.add(tag.asText()));
        List<String> row = new ArrayList<>(List.of(
                name(image),
                Items.text(image, "/image/dockerImageReference"),
                String.join(",", tags),
                Items.text(image, "/image/mediaType")));
        if (wide) {
            List<String> platforms = new ArrayList<>();
            image.at("/image/platforms")
                    .forEach(p -> platforms.add(p.path("os").asText() + "/"
                            + p.path("architecture").asText()
                            + (p.hasNonNull("variant") ? "/" + p.get("variant").asText() : "")));
            row.addAll(List.of(Items.text(image, "/image/size"), String.join(",", platforms)));
        }
        return new Table(headers).row(row);
    }

    @Override
    public List<String> names(JsonNode image) {
        return List.of("imagestreamimage/" + name(image));
    }

    private static String name(JsonNode image) {
        String name = image.path("name").asText();
        return name.contains("@") ? name : name + "@" + Items.text(image, "/image/digest");
    }
}
