package dev.tagline.events;

/**
 * One child manifest of an image index: its digest and the platform it runs on.
 *
 * @param variant the CPU variant, e.g. {@code v8}; null when the platform has none
 */
public record Platform(String digest, String os, String architecture, String variant) {}
