package dev.tagline.triggers.domain;

import java.util.UUID;

/**
 * A delivery this replica claimed for one attempt, with what the attempt needs from its trigger as the
 * trigger is now (a changed URL or secret applies to the next attempt). Its {@code toString} hides the secret.
 *
 * @param claimToken identifies this claim: the outcome is recorded only while the claim is still this one
 * @param attempt the number of this attempt, from 1
 * @param url null when the trigger no longer has a webhook
 * @param origin the subscriber whose concurrency this attempt counts against
 */
public record ClaimedDelivery(
        long id,
        UUID claimToken,
        String webhookId,
        String payload,
        int attempt,
        String url,
        String origin,
        String secret) {

    @Override
    public String toString() {
        return "ClaimedDelivery[" + id + ", attempt " + attempt + " to " + origin + "]";
    }
}
