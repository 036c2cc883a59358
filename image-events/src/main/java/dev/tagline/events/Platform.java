package dev.tagline.events;

/** One child manifest of an image index: its digest and the platform it runs on. */
public record Platform(String digest, String os, String architecture, String variant) {
}
