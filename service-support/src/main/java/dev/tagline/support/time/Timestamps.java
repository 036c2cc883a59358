package dev.tagline.support.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps at the precision Postgres keeps, so that what we publish equals what we store. */
public final class Timestamps {

    private Timestamps() {}

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
