package dev.tagline.triggers.domain;

import java.util.Optional;

/** When a trigger fires: the rules every path (a tag update, a creation, a resume) goes by. */
public final class FiringRules {

    private FiringRules() {}

    /**
     * A paused trigger fires nothing; an unpaused one fires when its tag's image differs from the one it dealt
     * with last. Each move fires at most once (the action's key derives from the move), but a move back to an
     * image fired for earlier, a rollback, is a move of its own and fires again. A change while paused is
     * caught up on resume, once, for the image the tag has then.
     */
    public static boolean firesFor(Trigger trigger, TagImage image) {
        return image != null && !trigger.paused && !image.digest().equals(trigger.handledDigest);
    }

    /**
     * Why the trigger would not fire if its tag moved to the digest, by the rules above.
     *
     * @param digest the image to preview a move to; null for one the trigger has never seen
     * @return empty when it would fire
     */
    public static Optional<String> reasonNotToFire(Trigger trigger, String digest) {
        if (trigger.paused) {
            return Optional.of("paused");
        }
        if (digest != null && digest.equals(trigger.handledDigest)) {
            return Optional.of("the trigger is at this image already");
        }
        return Optional.empty();
    }

    /**
     * Where a trigger starts when it begins to follow a tag: the image the tag points at already counts as
     * dealt with, so the trigger waits for the next one, unless the request asks to fire for it. A tag not
     * heard of yet has no starting point: its first image fires.
     *
     * @return the digest to record as handled, null for none
     */
    public static String startingPoint(TagImage current, boolean fireForCurrentImage) {
        return current == null || fireForCurrentImage ? null : current.digest();
    }
}
