package dev.tagline.imports.domain;

import java.util.UUID;

/**
 * An image this replica claimed for one re-check of its signatures.
 *
 * @param claimId identifies the re-check: only its own result is recorded
 */
public record ClaimedSignatureCheck(long id, UUID claimId, RequestedCheck check, boolean insecure) {}
