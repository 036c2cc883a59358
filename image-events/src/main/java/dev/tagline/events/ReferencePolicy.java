package dev.tagline.events;

/** Whether a tag's pull spec names the source registry or the configured local pull-through host. */
public enum ReferencePolicy {
    Source,
    Local
}
