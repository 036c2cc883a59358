package dev.tagline.cli.views;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.cli.output.Ages;
import dev.tagline.cli.output.Listing;
import dev.tagline.cli.output.Table;
import java.util.ArrayList;
import java.util.List;

/** A trigger's webhook deliveries, newest first: ID, STATUS, DIGEST, ATTEMPTS, CODE, CREATED. */
public final class DeliveryListing implements Listing {

    @Override
    public Table table(JsonNode answer, boolean wide) {
        List<String> headers = new ArrayList<>(List.of("ID", "STATUS", "DIGEST", "ATTEMPTS", "CODE", "CREATED"));
        if (wide) {
            headers.addAll(List.of("WEBHOOK ID", "DELIVERED", "NEXT ATTEMPT", "LAST ERROR"));
        }
        Table table = new Table(headers);
        for (JsonNode delivery : Items.of(answer)) {
            String digest = Items.text(delivery, "/digest");
            List<String> row = new ArrayList<>(List.of(
                    delivery.path("id").asText(),
                    delivery.path("status").asText(),
                    wide ? digest : Items.shortDigest(digest),
                    delivery.path("attempts").asText(),
                    Items.text(delivery, "/lastStatusCode"),
                    Ages.since(Items.text(delivery, "/createdAt"))));
            if (wide) {
                row.addAll(List.of(
                        Items.text(delivery, "/webhookId"),
                        Ages.since(Items.text(delivery, "/deliveredAt")),
                        Items.text(delivery, "/nextAttemptAt"),
                        Items.text(delivery, "/lastError")));
            }
            table.row(row);
        }
        return table;
    }

    @Override
    public List<String> names(JsonNode answer) {
        return Items.of(answer).stream()
                .map(delivery -> "delivery/" + delivery.path("id").asText())
                .toList();
    }
}
