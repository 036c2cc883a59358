package dev.tagline.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why an import could not resolve a tag. */
public enum ImportFailureReason {
    @JsonProperty("unauthorized")
    UNAUTHORIZED,
    @JsonProperty("not-found")
    NOT_FOUND,
    @JsonProperty("rate-limited")
    RATE_LIMITED,
    @JsonProperty("unreachable")
    UNREACHABLE,
    @JsonProperty("invalid")
    INVALID
}
