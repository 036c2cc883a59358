package dev.tagline.triggers.domain;

import dev.tagline.events.StreamTagRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, in memory, what a batch of tag moves fires, by {@link FiringRules}, as applying the moves one by one in
 * offset order would: each move is judged against the triggers as the moves before it in the batch left them, so a
 * second move of one tag compares with the first. A key the batch spent already (the same move twice under two event
 * ids) fires nothing more, as a key spent in the database does not.
 */
public final class FiringFold {

    private final Map<StreamTagRef, List<Trigger>> followers = new LinkedHashMap<>();
    private final Set<Trigger> touched = new LinkedHashSet<>();
    private final List<Firing> firings = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private final String eventSource;
    private final Instant now;

    /** @param locked the triggers following any of the batch's tags, locked, in id order */
    public FiringFold(List<Trigger> locked, String eventSource, Instant now) {
        locked.forEach(trigger -> followers
                .computeIfAbsent(trigger.from(), tag -> new ArrayList<>())
                .add(trigger));
        this.eventSource = eventSource;
        this.now = now;
    }

    public void observe(TagImage move) {
        for (Trigger trigger : followers.getOrDefault(move.tag(), List.of())) {
            if (FiringRules.firesFor(trigger, move)) {
                Firing firing = Firing.of(trigger, move, eventSource, now);
                trigger.dealtWith(move);
                touched.add(trigger);
                if (keys.add(firing.idempotencyKey())) {
                    firings.add(firing);
                }
            }
        }
    }

    /** What the batch fires, in offset order, each trigger's in the order of its moves. */
    public List<Firing> firings() {
        return firings;
    }

    /**
     * Marks the triggers whose actions were recorded as fired, the newest last. The others found their key spent in
     * the database: they dealt with the move, and fired nothing.
     *
     * @param recorded the idempotency keys of the actions the batch recorded
     */
    public void recorded(Set<String> recorded) {
        firings.stream()
                .filter(firing -> recorded.contains(firing.idempotencyKey()))
                .forEach(firing -> firing.trigger().firedFor(firing.move(), firing.at()));
    }

    /** The triggers whose state the batch changed. */
    public Set<Trigger> touched() {
        return touched;
    }
}
