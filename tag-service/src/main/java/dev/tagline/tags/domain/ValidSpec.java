package dev.tagline.tags.domain;

import dev.tagline.events.TagSpec;

/**
 * A spec tag that passed {@link SpecTagValidator}.
 *
 * @param sourceKey the canonical registry tag it follows, null when it follows a fixed digest
 */
public record ValidSpec(TagSpec spec, String sourceKey) {}
