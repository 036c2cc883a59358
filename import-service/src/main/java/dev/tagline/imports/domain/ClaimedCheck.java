package dev.tagline.imports.domain;

import dev.tagline.events.reference.ImageReference;
import java.util.UUID;

/**
 * A scheduled source this replica claimed for one check.
 *
 * @param claimId identifies the check: only its own result is recorded
 */
public record ClaimedCheck(long sourceId, UUID claimId, ImageReference source, boolean insecure) {}
