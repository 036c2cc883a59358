package dev.tagline.events;

/** Where an image can be pulled from: its digest and the pull spec that resolves to it. */
public record ImagePointer(String digest, String dockerImageReference) {}
