package dev.tagline.imports.registry;

import dev.tagline.events.Platform;
import dev.tagline.events.reference.Digest;
import dev.tagline.events.reference.InvalidReferenceException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the platforms of an OCI image index or Docker manifest list. Entries without a platform (such as
 * artifacts) are left out: they run nowhere.
 */
final class IndexPlatforms {

    private IndexPlatforms() {
    }

    static List<Platform> of(Buffer index, String what) {
        try {
            JsonArray manifests = index.toJsonObject().getJsonArray("manifests");
            if (manifests == null) {
                throw ImportFailedException.invalid(what + " is an index without manifests");
            }
            List<Platform> platforms = new ArrayList<>();
            for (int i = 0; i < manifests.size(); i++) {
                JsonObject entry = manifests.getJsonObject(i);
                JsonObject platform = entry.getJsonObject("platform");
                if (platform == null || platform.getString("os") == null || platform.getString("architecture") == null) {
                    continue;
                }
                platforms.add(new Platform(Digest.parse(entry.getString("digest")).toString(), platform.getString("os"),
                        platform.getString("architecture"), platform.getString("variant")));
            }
            return platforms;
        } catch (DecodeException | ClassCastException | InvalidReferenceException e) {
            throw ImportFailedException.invalid(what + " is not a readable index: " + e.getMessage());
        }
    }
}
