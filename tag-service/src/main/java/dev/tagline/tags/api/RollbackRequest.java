package dev.tagline.tags.api;

import dev.tagline.events.reference.Digest;
import dev.tagline.events.reference.InvalidReferenceException;
import dev.tagline.tags.domain.RollbackTarget;
import dev.tagline.web.InvalidRequestException;

/**
 * Body of a rollback: the earlier history item to point at again, by {@code image} digest or by
 * {@code generation}, and whether to {@code hold} the tag there until released.
 */
public record RollbackRequest(String image, Long generation, boolean hold) {

    RollbackTarget target() {
        if (image != null && generation != null) {
            throw new InvalidRequestException("generation", "name the item by image or by generation, not both");
        }
        if (image == null && generation == null) {
            throw new InvalidRequestException("image", "name the item to roll back to by image or by generation");
        }
        if (generation != null) {
            if (generation < 1) {
                throw new InvalidRequestException("generation", "generation must be a whole number from 1");
            }
            return new RollbackTarget(null, generation);
        }
        try {
            return new RollbackTarget(Digest.parse(image).toString(), null);
        } catch (InvalidReferenceException e) {
            throw new InvalidRequestException("image", e.getMessage());
        }
    }
}
