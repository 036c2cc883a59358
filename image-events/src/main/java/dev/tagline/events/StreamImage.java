package dev.tagline.events;

/**
 * The image an image stream tag points at now.
 *
 * @param mediaType null while no observation of the image said
 */
public record StreamImage(String digest, String dockerImageReference, String mediaType) {}
